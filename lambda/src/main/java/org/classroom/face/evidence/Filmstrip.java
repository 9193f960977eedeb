package org.classroom.face.evidence;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.format.FilmstripIndex;

/**
 * Small thumbnails of a video at its sampled times, for the desktop's timeline to show the frame at the
 * pointer. However long the recording, it keeps at most {@code max} of them, spread evenly over the time seen
 * so far: each thumbnail holds a slot of {@code step} seconds, and when there would be more than {@code max},
 * the step doubles and only the first thumbnail of each wider slot stays. A sample whose slot is taken is not
 * encoded at all, so a long lecture pays for a few hundred small JPEGs, not one per sample. Not thread-safe.
 */
public final class Filmstrip {

    /** Wide enough to tell who stands where, small enough that 360 of them are about a megabyte. */
    public static final int THUMBNAIL_WIDTH = 160;
    public static final int DEFAULT_MAX = 360;
    private static final int JPEG_QUALITY = 70;

    /** One thumbnail: the time it shows and its JPEG. */
    public record Thumbnail(double seconds, byte[] jpeg) {
    }

    /** The thumbnails back to back, and the index that says where each one lies. */
    public record Packed(byte[] images, FilmstripIndex index) {
    }

    private final int max;
    private final Function<Mat, byte[]> thumbnailer;
    private final List<Thumbnail> kept = new ArrayList<>();
    private double step;

    public Filmstrip(int max) {
        this(max, frame -> ShrunkJpeg.of(frame, THUMBNAIL_WIDTH, THUMBNAIL_WIDTH, JPEG_QUALITY));
    }

    /** With another way to make a thumbnail (tests count the thumbnails made). */
    Filmstrip(int max, Function<Mat, byte[]> thumbnailer) {
        if (max < 1) {
            throw new IllegalArgumentException("a filmstrip holds at least one thumbnail, not " + max);
        }
        this.max = max;
        this.thumbnailer = thumbnailer;
    }

    /** Takes a sample (in order of time) if its slot is free. */
    public void offer(double seconds, Mat frame) {
        // Until the strip first fills, every sample has a slot of its own.
        if (step > 0 && !kept.isEmpty() && slot(seconds) == slot(kept.get(kept.size() - 1).seconds())) {
            return;
        }
        byte[] jpeg = thumbnailer.apply(frame);
        if (jpeg.length == 0) {
            return;
        }
        kept.add(new Thumbnail(seconds, jpeg));
        while (kept.size() > max) {
            widen();
        }
    }

    public List<Thumbnail> thumbnails() {
        return List.copyOf(kept);
    }

    /** The thumbnails in one object and their index; null when there are none. */
    public Packed packed() {
        return pack(kept);
    }

    /** Thumbnails (in order of time) in one object and their index; null when there are none. */
    public static Packed pack(List<Thumbnail> thumbnails) {
        if (thumbnails.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        List<FilmstripIndex.Thumbnail> index = new ArrayList<>();
        for (Thumbnail thumbnail : thumbnails) {
            index.add(new FilmstripIndex.Thumbnail(thumbnail.seconds(), images.size(), thumbnail.jpeg().length));
            images.writeBytes(thumbnail.jpeg());
        }
        return new Packed(images.toByteArray(), new FilmstripIndex(index));
    }

    private long slot(double seconds) {
        return (long) Math.floor(seconds / step);
    }

    /** Doubles the slots (the first time: slots that halve the strip) and keeps the first thumbnail in each. */
    private void widen() {
        double span = kept.get(kept.size() - 1).seconds() - kept.get(0).seconds();
        step = step > 0 ? step * 2 : Math.max(2 * span / max, 1e-3);
        List<Thumbnail> wider = new ArrayList<>();
        for (Thumbnail thumbnail : kept) {
            if (wider.isEmpty() || slot(thumbnail.seconds()) != slot(wider.get(wider.size() - 1).seconds())) {
                wider.add(thumbnail);
            }
        }
        kept.clear();
        kept.addAll(wider);
    }
}
