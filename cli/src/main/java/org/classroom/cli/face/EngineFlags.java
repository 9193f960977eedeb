package org.classroom.cli.face;

import org.classroom.cli.support.UserError;
import org.classroom.face.engine.DetectorChoice;
import org.classroom.face.engine.EngineOptions;
import org.classroom.face.match.MatchPolicy;
import org.classroom.face.video.SamplingOptions;
import picocli.CommandLine.Option;

/** The engine's knobs, shared by the commands that run it. */
public final class EngineFlags {

    @Option(names = "--tolerance", paramLabel = "X",
            description = "Largest face distance that names a gallery person (default ${DEFAULT-VALUE}).")
    double tolerance = MatchPolicy.DEFAULT_TOLERANCE;

    @Option(names = "--detector", paramLabel = "ssd|cascade|tiny",
            description = "Face detector: ssd (default: face-api's SSD on the frame's own proportions), cascade (the"
                    + " tiny detector finds candidates, SSD checks each: faster, can miss a small face beside a large"
                    + " one) or tiny (the tiny detector alone: fastest, takes some patterns for faces).")
    DetectorChoice detector = DetectorChoice.SSD;

    @Option(names = "--min-score", paramLabel = "S",
            description = "Detector score threshold (default ${DEFAULT-VALUE}).")
    double minScore = EngineOptions.DEFAULT_MIN_SCORE;

    @Option(names = "--max-frames", paramLabel = "N",
            description = "Most frames looked at per short clip (default ${DEFAULT-VALUE}).")
    int maxFrames = 10;

    @Option(names = "--max-spacing", paramLabel = "S",
            description = "Most seconds between two frames looked at in a long recording; anyone on screen for"
                    + " that long is seen (default ${DEFAULT-VALUE}).")
    double maxSpacing = SamplingOptions.DEFAULT_MAX_SPACING_SECONDS;

    @Option(names = "--all-frames", description = "Look at every sampled frame even when the answer is already clear.")
    boolean allFrames;

    public EngineOptions toOptions() {
        try {
            EngineOptions defaults = EngineOptions.defaults();
            return defaults.withTolerance(tolerance)
                    .withDetector(detector)
                    .withMinScore(minScore)
                    .withSampling(defaults.sampling().withMaxFrames(maxFrames).withMaxSpacing(maxSpacing))
                    .withEarlyStop(!allFrames);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
