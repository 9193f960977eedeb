package org.classroom.function.runtime;

import java.util.function.Supplier;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.engine.EngineOptions;
import org.classroom.face.engine.FaceEngine;

/** Makes the face engine the function runs in production. */
public final class Engines {

    private Engines() {
    }

    /** The real engine with its default options, its networks built from the weights on the class path. */
    public static Supplier<VideoRecogniser> faceEngine() {
        return faceEngine(FunctionSettings.defaults());
    }

    /** The real engine holding each video to the function's limits. */
    public static Supplier<VideoRecogniser> faceEngine(FunctionSettings settings) {
        EngineOptions options = EngineOptions.defaults().withLimits(settings.videoLimits());
        return () -> FaceEngine.load(options);
    }
}
