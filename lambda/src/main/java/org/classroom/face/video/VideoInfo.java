package org.classroom.face.video;

/**
 * What the container says about a clip's video stream.
 *
 * @param codec            the video codec's name, e.g. {@code h264}
 * @param width            upright width in pixels (after turning a sideways clip)
 * @param height           upright height in pixels
 * @param frameRate        frames per second (0 when unknown)
 * @param durationSeconds  length of the clip (0 when unknown, e.g. some streams)
 * @param clockwiseTurn    the turn applied to every frame to show it upright (0, 90, 180, 270)
 */
public record VideoInfo(String codec, int width, int height, double frameRate, double durationSeconds,
                        int clockwiseTurn) {
}
