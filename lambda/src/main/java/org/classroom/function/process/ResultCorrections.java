package org.classroom.function.process;

import org.classroom.common.model.VideoResult;

/** The users' corrections, applied to a video's result before it is published. */
@FunctionalInterface
public interface ResultCorrections {

    ResultCorrections NONE = result -> result;

    VideoResult apply(VideoResult result);
}
