package org.classroom.cli.face;

import org.classroom.face.detect.DetectorPrecision;
import org.classroom.face.dnn.DnnRuntime;
import org.classroom.face.engine.DetectorChoice;

/** How a benchmark's networks compute, for its header: the runtime, and SSD's precision when SSD alone detects. */
final class NetworksLine {

    private NetworksLine() {
    }

    static String of(DetectorChoice detector) {
        String runtime = "networks in " + DnnRuntime.chosen();
        return detector == DetectorChoice.SSD ? runtime + ", SSD " + DetectorPrecision.chosen() : runtime;
    }
}
