package org.classroom.face;

/** Told how far the engine has looked into a recording (or the part of it it was given), as it goes. */
@FunctionalInterface
public interface SamplingProgress {

    /** Nobody listening. */
    SamplingProgress NONE = fraction -> { };

    /** @param fraction 0 to 1 */
    void reached(double fraction);
}
