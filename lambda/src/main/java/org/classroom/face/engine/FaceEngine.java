package org.classroom.face.engine;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceDetector;
import org.classroom.face.FaceEncoder;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.LandmarkLocator;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.align.FaceAligner;
import org.classroom.face.encode.ResNetFaceEncoder;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.landmarks.LandmarkNet68;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.match.FaceQuality;
import org.classroom.face.match.GalleryMatcher;
import org.classroom.face.match.MatchOutcome;
import org.classroom.face.match.PersonMatch;
import org.classroom.face.video.FrameSampler;
import org.classroom.face.video.InvalidVideoException;
import org.classroom.face.video.SampledFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face engine: sampled frames → faces → landmarks → aligned chips → 128-number encodings →
 * gallery people. Holds the three networks (load once, reuse for every clip). Not thread-safe: one
 * engine per thread.
 */
public final class FaceEngine implements VideoRecogniser {

    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);
    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif",
            ".tiff");

    private final EngineOptions options;
    private final FaceDetector detector;
    private final LandmarkLocator landmarks;
    private final FaceAligner aligner = new FaceAligner();
    private final FaceEncoder encoder;

    /** An engine over networks the caller made; it closes them when closed. */
    public FaceEngine(EngineOptions options, FaceDetector detector, LandmarkLocator landmarks, FaceEncoder encoder) {
        this.options = options;
        this.detector = detector;
        this.landmarks = landmarks;
        this.encoder = encoder;
    }

    /**
     * Builds the networks from the weights on the class path. The natives load first, on this thread; then
     * the three networks are built at the same time, because a fresh process spends most of its first
     * second here.
     */
    public static FaceEngine load(EngineOptions options) {
        loadNatives();
        ExecutorService builders = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "face-engine-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<FaceDetector> detector = CompletableFuture.supplyAsync(
                    () -> Detectors.create(options.detector(), options.minScore()), builders);
            CompletableFuture<LandmarkLocator> locator = CompletableFuture.supplyAsync(LandmarkNet68::load, builders);
            CompletableFuture<FaceEncoder> encoder = CompletableFuture.supplyAsync(ResNetFaceEncoder::load, builders);
            try {
                CompletableFuture.allOf(detector, locator, encoder).join();
            } catch (CompletionException e) {
                closeBuilt(detector, locator, encoder);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("building the face networks failed: " + cause, cause);
            }
            return new FaceEngine(options, detector.join(), locator.join(), encoder.join());
        } finally {
            builders.shutdown();
        }
    }

    /**
     * Loads JavaCPP and the OpenCV and FFmpeg libraries on the calling thread. When JavaCPP's classes are
     * first initialised on several threads at once, {@code Loader} and {@code Pointer} can wait on each
     * other for ever (a class-initialisation deadlock seen here in a fresh JVM); loading them once, here,
     * before the networks are built in parallel takes that race away at no extra cost.
     */
    public static void loadNatives() {
        new org.bytedeco.javacpp.BytePointer(1).close();
        new org.bytedeco.javacpp.FloatPointer(1).close();
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgproc.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_dnn.class);
        FrameSampler.loadLibraries();
    }

    @SafeVarargs
    private static void closeBuilt(CompletableFuture<? extends AutoCloseable>... parts) {
        for (CompletableFuture<? extends AutoCloseable> part : parts) {
            if (part.isDone() && !part.isCompletedExceptionally()) {
                try {
                    part.join().close();
                } catch (Exception e) {
                    LOG.debug("closing a half-built engine", e);
                }
            }
        }
    }

    public EngineOptions options() {
        return options;
    }

    @Override
    public VideoResult recognise(Path video, String videoName, Gallery gallery) {
        StageClock clock = new StageClock();
        GalleryMatcher matcher = new GalleryMatcher(gallery, options.match());
        List<FaceObservation> observations = new ArrayList<>();
        MatchOutcome outcome = null;
        int matchedObservations = -1;
        int frames = 0;
        long opening = clock.start();
        try (FrameSampler sampler = FrameSampler.open(video, options.sampling())) {
            clock.stop(StageClock.OPEN, opening);
            while (true) {
                long decoding = clock.start();
                Optional<SampledFrame> next = sampler.next();
                clock.stop(StageClock.DECODE, decoding);
                if (next.isEmpty()) {
                    break;
                }
                int frameIndex;
                try (SampledFrame frame = next.get()) {
                    frameIndex = frame.sampleIndex();
                    observations.addAll(observe(frame, clock));
                }
                frames++;
                // In a long clip someone may still walk in at the end: only a short one may stop early.
                if (options.earlyStop() && sampler.isShortClip() && !observations.isEmpty()) {
                    long matching = clock.start();
                    outcome = matcher.match(observations);
                    matchedObservations = observations.size();
                    clock.stop(StageClock.MATCH, matching);
                    if (EarlyStop.settled(outcome, options.match(), frameIndex)) {
                        break;
                    }
                }
            }
        } catch (InvalidVideoException e) {
            LOG.info("{}: not a usable video: {}", videoName, e.getMessage());
            return VideoResult.failure(videoName, ResultStatus.INVALID_VIDEO, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.warn("{}: the face engine failed", videoName, e);
            return VideoResult.failure(videoName, ResultStatus.ERROR, "the face engine failed: " + e, null);
        }
        if (outcome == null || matchedObservations != observations.size()) {
            // Not matched since the last faces were added (early stop off, or no face yet).
            long matching = clock.start();
            outcome = matcher.match(observations);
            clock.stop(StageClock.MATCH, matching);
        }
        VideoResult result = toResult(videoName, outcome, clock);
        LOG.info("{}: {} after {} frame(s): {} face(s), {} unknown, {} ms", videoName, result.status().wireName(),
                frames, result.facesFound(), result.unknownFaces(), result.timingsMs().get(StageClock.TOTAL));
        if (LOG.isDebugEnabled()) {
            outcome.faces().forEach(face -> LOG.debug("{}: face {} ({}, nearest {} at {}, next {} at {}, frames {})",
                    videoName, face.name(), face.reason(), face.candidate().name(), face.candidate().distance(),
                    face.candidate().runnerUp(), face.candidate().runnerUpDistance(), face.frames()));
        }
        return result;
    }

    /** Every face in one frame, encoded. */
    private List<FaceObservation> observe(SampledFrame frame, StageClock clock) {
        long detecting = clock.start();
        List<DetectedFace> faces = detector.detect(frame.image());
        clock.stop(StageClock.DETECT, detecting);
        List<FaceObservation> observations = new ArrayList<>(faces.size());
        for (DetectedFace face : faces) {
            long locating = clock.start();
            FaceLandmarks points = landmarks.locate(frame.image(), face);
            clock.stop(StageClock.LANDMARKS, locating);
            long aligning = clock.start();
            double[] encoding;
            try (Mat chip = aligner.align(frame.image(), points)) {
                clock.stop(StageClock.ALIGN, aligning);
                long encodingStarted = clock.start();
                encoding = encoder.encode(chip);
                clock.stop(StageClock.ENCODE, encodingStarted);
            }
            observations.add(new FaceObservation(encoding, box(face, frame), frame.sampleIndex(), frame.seconds(),
                    FaceQuality.frontality(points)));
        }
        return observations;
    }

    private static FaceBox box(DetectedFace face, SampledFrame frame) {
        int x = (int) Math.max(0, Math.round(face.x()));
        int y = (int) Math.max(0, Math.round(face.y()));
        int width = (int) Math.min(frame.width() - x, Math.round(face.width()));
        int height = (int) Math.min(frame.height() - y, Math.round(face.height()));
        return new FaceBox(x, y, Math.max(0, width), Math.max(0, height));
    }

    private static VideoResult toResult(String videoName, MatchOutcome outcome, StageClock clock) {
        ResultStatus status;
        if (outcome.facesFound() == 0) {
            status = ResultStatus.NO_FACE;
        } else if (outcome.people().isEmpty()) {
            status = ResultStatus.UNKNOWN_FACE;
        } else {
            status = ResultStatus.RECOGNISED;
        }
        List<RecognisedPerson> people = new ArrayList<>();
        for (PersonMatch person : outcome.people()) {
            people.add(new RecognisedPerson(person.name(), null, null, null, roundDistance(person.distance()),
                    person.box(), Math.round(person.frameSeconds() * 1000) / 1000.0));
        }
        return new VideoResult(videoName, status, people, outcome.facesFound(), outcome.unknownFaces(), null, null,
                clock.millis(), Instant.now());
    }

    private static double roundDistance(double distance) {
        return Math.round(distance * 10_000) / 10_000.0;
    }

    @Override
    public double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused {
        if (!Files.isRegularFile(photoOrClip)) {
            throw new EnrolmentRefused("no such file: " + photoOrClip);
        }
        String name = photoOrClip.getFileName().toString().toLowerCase(Locale.ROOT);
        if (IMAGE_SUFFIXES.stream().anyMatch(name::endsWith)) {
            try (Mat image = imread(photoOrClip.toString(), IMREAD_COLOR)) {
                if (image == null || image.empty()) {
                    throw new EnrolmentRefused(photoOrClip.getFileName() + " is not an image that can be read");
                }
                return single(image, "the photo");
            }
        }
        try (FrameSampler sampler = FrameSampler.open(photoOrClip, options.sampling())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    if (!detector.detect(frame.image()).isEmpty()) {
                        return single(frame.image(), String.format(Locale.ROOT, "the frame at %.2f s", frame.seconds()));
                    }
                }
            }
        } catch (InvalidVideoException e) {
            throw new EnrolmentRefused(photoOrClip.getFileName() + " is neither a photo nor a usable video: "
                    + e.getMessage());
        }
        throw new EnrolmentRefused("no face found in " + photoOrClip.getFileName());
    }

    private double[] single(Mat image, String where) throws EnrolmentRefused {
        List<DetectedFace> faces = detector.detect(image);
        if (faces.isEmpty()) {
            throw new EnrolmentRefused("no face found in " + where);
        }
        if (faces.size() > 1) {
            throw new EnrolmentRefused(faces.size() + " faces in " + where + "; enrol from a photo of one person");
        }
        FaceLandmarks points = landmarks.locate(image, faces.get(0));
        if (FaceQuality.frontality(points) < options.match().minFrontality()) {
            throw new EnrolmentRefused("the face in " + where + " is turned away; use one facing the camera");
        }
        try (Mat chip = aligner.align(image, points)) {
            return encoder.encode(chip);
        }
    }

    @Override
    public void close() {
        detector.close();
        landmarks.close();
        encoder.close();
    }
}
