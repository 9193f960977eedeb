package org.classroom.desktop.viewmodel;

import org.classroom.common.model.FaceBox;

/**
 * A face to outline on a frame: who (the name as the results table shows it, so a corrected name shows at once),
 * where in the frame's own pixels, and whether it is the selected row's.
 */
public record FrameMark(String label, boolean unknown, boolean selected, FaceBox box) {
}
