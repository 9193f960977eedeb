package org.classroom.common.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where evidence lives in the evidence bucket. A person's face crop: {@code crops/<video key>/<etag>/<person>.jpg};
 * the frame of a best view, downscaled: {@code frames/<video key>/<etag>/<millis>-<width>x<height>.jpg}, which
 * names the size of the frame the result's boxes are measured in, so that a reader can scale them onto the
 * smaller picture; the video's filmstrip (small
 * thumbnails at the sampled times): {@code frames/<video key>/<etag>/strip.json} (its index) and
 * {@code .../strip.jpgs} (the thumbnails back to back). The ETag (without S3's quotes) keeps a re-upload's
 * evidence apart from the older upload's; the person is the gallery name, or {@code unknown-N} for the N-th
 * unknown person of the result.
 */
public final class EvidenceKeys {

    private static final String PREFIX = "crops/";
    private static final String FRAMES = "frames/";
    private static final Pattern FRAME_NAME = Pattern.compile("/\\d+-(\\d{1,5})x(\\d{1,5})\\.jpg$");
    private static final String STRIP_INDEX = "strip.json";
    private static final String STRIP_IMAGES = "strip.jpgs";

    /** The size of a video's upright frame, in which the result's boxes are measured. */
    public record FrameSize(int width, int height) {
    }

    private EvidenceKeys() {
    }

    public static String cropKey(String videoKey, String etag, String person) {
        return PREFIX + videoKey + "/" + version(etag) + "/" + safe(person) + ".jpg";
    }

    /** The frame at {@code millis} from the start of the video, whose boxes are in a frame of that size. */
    public static String frameKey(String videoKey, String etag, long millis, int width, int height) {
        return FRAMES + videoKey + "/" + version(etag) + "/" + millis + "-" + width + "x" + height + ".jpg";
    }

    /** The size of the frame (in pixels of the boxes) a frame key names; empty for another key. */
    public static Optional<FrameSize> frameSize(String frameKey) {
        Matcher size = frameKey == null ? null : FRAME_NAME.matcher(frameKey);
        if (size == null || !size.find()) {
            return Optional.empty();
        }
        return Optional.of(new FrameSize(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2))));
    }

    public static String filmstripIndexKey(String videoKey, String etag) {
        return FRAMES + videoKey + "/" + version(etag) + "/" + STRIP_INDEX;
    }

    public static String filmstripImagesKey(String videoKey, String etag) {
        return FRAMES + videoKey + "/" + version(etag) + "/" + STRIP_IMAGES;
    }

    /** The filmstrip index beside a frame of the same upload (a result names its frames, not its strip). */
    public static Optional<String> filmstripIndexBeside(String frameKey) {
        if (frameKey == null || !frameKey.startsWith(FRAMES) || frameKey.lastIndexOf('/') < FRAMES.length()) {
            return Optional.empty();
        }
        return Optional.of(frameKey.substring(0, frameKey.lastIndexOf('/') + 1) + STRIP_INDEX);
    }

    /** The thumbnails object named by a filmstrip index key. */
    public static String filmstripImagesOf(String indexKey) {
        return indexKey.substring(0, indexKey.length() - STRIP_INDEX.length()) + STRIP_IMAGES;
    }

    private static String version(String etag) {
        return etag == null || etag.isBlank() ? "no-etag" : etag;
    }

    /** The label of the N-th (from 1) unknown person in a result's list. */
    public static String unknownPerson(int number) {
        return "unknown-" + number;
    }

    /** A gallery name as one path segment: nothing that would add a folder or break a URL. */
    private static String safe(String person) {
        return person.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
