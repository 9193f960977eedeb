package org.classroom.common.format;

/** Names derived from a video's object key. */
public final class VideoKeys {

    private VideoKeys() {
    }

    /** The output object key: the video key without its extension ({@code test_0.mp4} → {@code test_0}). */
    public static String outputKey(String videoKey) {
        int slash = videoKey.lastIndexOf('/');
        int dot = videoKey.lastIndexOf('.');
        return dot > slash + 1 ? videoKey.substring(0, dot) : videoKey;
    }

    /** The file name part of the output key, for places (such as a results folder) that are flat. */
    public static String stem(String videoKey) {
        String out = outputKey(videoKey);
        return out.substring(out.lastIndexOf('/') + 1);
    }
}
