package org.classroom.cli.run;

import java.io.IOException;
import java.util.List;
import org.classroom.common.model.VideoResult;

/** Where finished results can be read: the relay's API, or the output bucket when there is no relay. */
public interface ResultSource {

    /** The results known now (at most one per video). */
    List<VideoResult> current() throws IOException, InterruptedException;

    /** For messages: where the results come from. */
    String describe();
}
