package org.classroom.face.gallery;

import java.io.IOException;

/** A gallery file that is not in the shape expected; the message says what is wrong with it. */
public final class GalleryFormatException extends IOException {

    public GalleryFormatException(String message) {
        super(message);
    }

    public GalleryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
