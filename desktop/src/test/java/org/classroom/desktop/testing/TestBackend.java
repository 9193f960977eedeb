package org.classroom.desktop.testing;

import java.time.Duration;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.desktop.logic.Backend;
import org.classroom.desktop.logic.corrections.FaceCorrections;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.logic.results.Backoff;
import org.classroom.desktop.logic.results.RelayFeed;
import org.classroom.desktop.logic.results.ResultFeed;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.logic.upload.ObjectUploader;

/**
 * Uploads into a folder, results from the configured relay (a {@link TinyRelay}), a roster and the
 * evidence bucket in memory.
 */
public class TestBackend implements Backend {

    private final FolderUploader uploader;
    private final MemoryRoster roster;
    private final MemoryEvidence evidence = new MemoryEvidence();
    private final MemoryCorrections corrections = new MemoryCorrections();

    public TestBackend(FolderUploader uploader, MemoryRoster roster) {
        this.uploader = uploader;
        this.roster = roster;
    }

    @Override
    public ObjectUploader uploader(ClassroomConfig config) {
        return uploader;
    }

    @Override
    public ResultFeed results(ClassroomConfig config) {
        return new RelayFeed(config.relayUrl(), config.relayToken(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(250)));
    }

    @Override
    public Roster roster(ClassroomConfig config) {
        return roster;
    }

    @Override
    public EvidenceReader evidence(ClassroomConfig config) {
        return evidence;
    }

    @Override
    public FaceCorrections corrections(ClassroomConfig config) {
        return corrections;
    }

    /** The corrections sent. */
    public MemoryCorrections sentCorrections() {
        return corrections;
    }

    /** The evidence bucket, to put crops in. */
    public MemoryEvidence crops() {
        return evidence;
    }
}
