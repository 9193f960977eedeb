package org.classroom.function.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.classroom.face.gallery.Gallery;

/**
 * A short fingerprint of a gallery's content (names and every encoding), the same in every container for
 * the same table: a result records the one it was matched against, so the function can tell that a face was
 * enrolled or removed since, and match a clip uploaded again instead of sending its old result.
 */
public final class GalleryStamp {

    private GalleryStamp() {
    }

    public static String of(Gallery gallery) {
        MessageDigest digest = sha256();
        // Sorted by name: the table's scan order is not the content.
        for (Map.Entry<String, List<double[]>> person : new TreeMap<>(gallery.asMap()).entrySet()) {
            digest.update(person.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            for (double[] encoding : person.getValue()) {
                ByteBuffer bytes = ByteBuffer.allocate(encoding.length * Double.BYTES);
                for (double value : encoding) {
                    bytes.putDouble(value);
                }
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
