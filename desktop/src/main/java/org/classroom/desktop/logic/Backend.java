package org.classroom.desktop.logic;

import org.classroom.common.config.ClassroomConfig;
import org.classroom.desktop.logic.corrections.FaceCorrections;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.logic.results.ResultFeed;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.logic.upload.ObjectUploader;

/** The services the app talks to, made for one configuration; made again when the settings change. */
public interface Backend {

    ObjectUploader uploader(ClassroomConfig config);

    ResultFeed results(ClassroomConfig config);

    Roster roster(ClassroomConfig config);

    /** The evidence bucket's face crops. */
    EvidenceReader evidence(ClassroomConfig config);

    /** Corrections of results: faces enrolled from them, clips matched again. */
    FaceCorrections corrections(ClassroomConfig config);
}
