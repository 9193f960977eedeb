package org.classroom.face.video;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/** Turns JavaCV's FFmpeg exception messages ("avformat_open_input() error -1094995529: ...") into words. */
final class FfmpegErrors {

    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d+)");

    private FfmpegErrors() {
    }

    /** FFmpeg's own description of the error code in the message, or the message's first sentence. */
    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Matcher matcher = ERROR_CODE.matcher(message);
        if (matcher.find()) {
            try {
                int code = Integer.parseInt(matcher.group(1));
                byte[] buffer = new byte[256];
                if (avutil.av_strerror(code, buffer, buffer.length) == 0) {
                    int end = 0;
                    while (end < buffer.length && buffer[end] != 0) {
                        end++;
                    }
                    return new String(buffer, 0, end, StandardCharsets.UTF_8);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message itself
            }
        }
        int cut = message.indexOf(" (For more details");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
