package org.classroom.common.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The index of a video's filmstrip: for each thumbnail, the time it shows and where its JPEG lies in the
 * thumbnails object ({@link EvidenceKeys#filmstripImagesKey}). The thumbnails go back to back in one object
 * rather than one object each: a long lecture's 360 thumbnails are then two PUTs for the function (not 360,
 * each a request billed and waited for) and one GET for the desktop, and a reader may still fetch one by range.
 *
 * @param thumbnails in order of time
 */
public record FilmstripIndex(List<Thumbnail> thumbnails) {

    private static final ObjectMapper JSON = Json.mapper();

    /**
     * @param seconds from the start of the video
     * @param offset  of its first byte in the thumbnails object
     * @param length  of its JPEG, in bytes
     */
    public record Thumbnail(double seconds, long offset, int length) {
    }

    public FilmstripIndex {
        thumbnails = thumbnails == null ? List.of()
                : thumbnails.stream().sorted(Comparator.comparingDouble(Thumbnail::seconds)).toList();
    }

    /** The thumbnail nearest that time; empty for an empty strip. */
    public Optional<Thumbnail> nearest(double seconds) {
        Thumbnail best = null;
        for (Thumbnail thumbnail : thumbnails) {
            if (best == null || Math.abs(thumbnail.seconds() - seconds) < Math.abs(best.seconds() - seconds)) {
                best = thumbnail;
            }
        }
        return Optional.ofNullable(best);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a filmstrip index always serialises", e);
        }
    }

    public static FilmstripIndex fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, FilmstripIndex.class);
    }
}
