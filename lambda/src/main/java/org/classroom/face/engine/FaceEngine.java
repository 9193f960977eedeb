package org.classroom.face.engine;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceDetector;
import org.classroom.face.FaceEncoder;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.LandmarkLocator;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.SamplingProgress;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.align.FaceAligner;
import org.classroom.face.encode.ResNetFaceEncoder;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.FaceCropper;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.landmarks.LandmarkNet68;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.match.FaceQuality;
import org.classroom.face.match.FaceVerdict;
import org.classroom.face.match.GalleryMatcher;
import org.classroom.face.match.MatchOutcome;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentFrame;
import org.classroom.face.segment.SegmentPerson;
import org.classroom.face.segment.SegmentRecogniser;
import org.classroom.face.track.AppearanceMerger;
import org.classroom.face.track.AppearanceMerger.DecidedTrack;
import org.classroom.face.track.AppearanceMerger.Person;
import org.classroom.face.track.FaceTrack;
import org.classroom.face.track.FaceTracker;
import org.classroom.face.track.TrackingOptions;
import org.classroom.face.video.FrameSampler;
import org.classroom.face.video.InvalidVideoException;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.face.video.SampledFrame;
import org.classroom.face.video.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face engine: sampled frames → faces → followed from sample to sample as tracks (encoded only as
 * often as needed: landmarks → aligned chips → 128-number encodings) → each track named by its best
 * views → people with the stretches they were on screen, each with a face crop from their best view
 * (cut while that frame was in memory). Holds the three networks (load once, reuse for every clip). Not
 * thread-safe: one engine per thread.
 */
public final class FaceEngine implements VideoRecogniser, SegmentRecogniser {

    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);
    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif",
            ".tiff");

    /** Results give frame times rounded to the millisecond. */
    private static final double SAME_FRAME_SECONDS = 0.0006;

    private final EngineOptions options;
    private final FaceDetector detector;
    private final LandmarkLocator landmarks;
    private final FaceAligner aligner = new FaceAligner();
    private final FaceCropper cropper = new FaceCropper();
    private final FaceEncoder encoder;
    private final int filmstripMax = FilmstripLimit.fromEnvironment();

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
        return recogniseWithCrops(video, videoName, gallery).result();
    }

    @Override
    public RecognisedVideo recogniseWithCrops(Path video, String videoName, Gallery gallery) {
        return recogniseWithCrops(range -> FrameSampler.open(video, options.sampling(), options.limits(), range),
                videoName, gallery, SamplingProgress.NONE);
    }

    @Override
    public VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery) {
        return recogniseWithCrops(video, videoName, gallery).result();
    }

    @Override
    public RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery) {
        return recogniseWithCrops(video, videoName, gallery, SamplingProgress.NONE);
    }

    @Override
    public RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery,
                                              SamplingProgress progress) {
        return recogniseWithCrops(range -> FrameSampler.open(video, videoName, options.sampling(), options.limits(),
                range), videoName, gallery, progress);
    }

    @Override
    public PartialResult recogniseSegment(Path video, String videoName, Gallery gallery, Segment segment) {
        return recogniseSegment(range -> FrameSampler.open(video, options.sampling(), options.limits(), range),
                videoName, gallery, segment, filmstripMax, SamplingProgress.NONE);
    }

    @Override
    public PartialResult recogniseSegment(RandomAccessInput video, String videoName, Gallery gallery,
                                          Segment segment, int filmstripShare) {
        return recogniseSegment(video, videoName, gallery, segment, filmstripShare, SamplingProgress.NONE);
    }

    @Override
    public PartialResult recogniseSegment(RandomAccessInput video, String videoName, Gallery gallery,
                                          Segment segment, int filmstripShare, SamplingProgress progress) {
        return recogniseSegment(range -> FrameSampler.open(video, videoName, options.sampling(), options.limits(),
                range), videoName, gallery, segment, filmstripShare, progress);
    }

    /** How a clip's frames are reached, for all of it or a part: from a file, or read by position. */
    private interface SamplerOpening {
        FrameSampler open(TimeRange range) throws InvalidVideoException;
    }

    private RecognisedVideo recogniseWithCrops(SamplerOpening opening, String videoName, Gallery gallery,
                                               SamplingProgress progress) {
        StageClock clock = new StageClock();
        Sampling run;
        try {
            run = sample(opening, gallery, TimeRange.whole(), filmstripMax, clock, progress);
        } catch (InvalidVideoException e) {
            LOG.info("{}: not a usable video: {}", videoName, e.getMessage());
            return new RecognisedVideo(VideoResult.failure(videoName, ResultStatus.INVALID_VIDEO, e.getMessage(), null),
                    List.of());
        } catch (RuntimeException e) {
            LOG.warn("{}: the face engine failed", videoName, e);
            return new RecognisedVideo(VideoResult.failure(videoName, ResultStatus.ERROR,
                    "the face engine failed: " + e, null), List.of());
        }
        VideoResult result = toResult(videoName, run.people(), clock).withDuration(run.durationSeconds());
        List<FaceCrop> faceCrops = cropsOf(run.people(), run.crops());
        List<BestFrame> bestFrames = framesOf(run.people(), run.keeper(), new TrackOwners(run.people(), run.decided()));
        LOG.info("{}: {} after {} frame(s): {} person(s), {} unknown, {} face encoding(s), {} ms", videoName,
                result.status().wireName(), run.frames(), result.facesFound(), result.unknownFaces(),
                run.encodings(), result.timingsMs().get(StageClock.TOTAL));
        if (LOG.isDebugEnabled()) {
            run.decided().forEach(track -> LOG.debug("{}: track {} {}-{} s: {} ({}, nearest {} at {}, next {} at {}, "
                    + "seen {}, encoded {})", videoName, track.track().id(), track.track().firstSeconds(),
                    track.track().lastSeconds(), track.verdict().name(), track.verdict().reason(),
                    track.verdict().candidate().name(), track.verdict().candidate().distance(),
                    track.verdict().candidate().runnerUp(), track.verdict().candidate().runnerUpDistance(),
                    track.track().samplesSeen(), track.track().encodings()));
        }
        return new RecognisedVideo(result, faceCrops, bestFrames,
                run.people().isEmpty() ? null : run.keeper().filmstrip().packed());
    }

    /**
     * Everyone on screen in one segment of a long recording, with the descriptors that let {@code SegmentMerge}
     * join them to the other segments' people. A recording that cannot be read there is an invalid partial
     * result; a fault of the engine is thrown, for the segment to be tried again.
     */
    private PartialResult recogniseSegment(SamplerOpening opening, String videoName, Gallery gallery,
                                           Segment segment, int filmstripShare, SamplingProgress progress) {
        StageClock clock = new StageClock();
        try {
            Sampling run = sample(opening, gallery, new TimeRange(segment.fromSeconds(), segment.toSeconds()),
                    filmstripShare, clock, progress);
            LOG.info("{}: {}: {} frame(s), {} person(s), {} face encoding(s)", videoName, segment, run.frames(),
                    run.people().size(), run.encodings());
            // Thumbnails even when nobody is here: the filmstrip covers the whole recording.
            return new PartialResult(segment, run.people().stream().map(person -> segmentPerson(person, run.crops()))
                    .toList(), run.frames(), clock.millis(), null,
                    segmentFramesOf(run.people(), run.keeper(), new TrackOwners(run.people(), run.decided())),
                    run.keeper().filmstrip().thumbnails());
        } catch (InvalidVideoException e) {
            LOG.info("{}: {}: not a usable video: {}", videoName, segment, e.getMessage());
            return PartialResult.invalid(segment, e.getMessage());
        }
    }

    /** What one pass over (part of) a clip found. */
    private record Sampling(List<Person> people, List<DecidedTrack> decided, int frames, int encodings,
                            BestViewCrops crops, FrameKeeper keeper, double durationSeconds) {
    }

    private Sampling sample(SamplerOpening opening, Gallery gallery, TimeRange range, int filmstrip, StageClock clock,
                            SamplingProgress progress) throws InvalidVideoException {
        BestViewCrops crops = new BestViewCrops();
        FrameKeeper frameKeeper = new FrameKeeper(filmstrip);
        GalleryMatcher matcher = new GalleryMatcher(gallery, options.match());
        FaceTracker tracker = new FaceTracker(TrackingOptions.defaults(options.match().sameFaceDistance()));
        List<DecidedTrack> decided = List.of();
        int decidedAtSample = -2;
        int frames = 0;
        int lastSample = -1;
        double spacing;
        double duration;
        long opened = clock.start();
        try (FrameSampler sampler = opening.open(range)) {
            clock.stop(StageClock.OPEN, opened);
            spacing = sampler.spacingSeconds();
            duration = sampler.info().durationSeconds();
            while (true) {
                long decoding = clock.start();
                Optional<SampledFrame> next = sampler.next();
                clock.stop(StageClock.DECODE, decoding);
                if (next.isEmpty()) {
                    break;
                }
                try (SampledFrame frame = next.get()) {
                    lastSample = frame.sampleIndex();
                    follow(frame, tracker, crops, frameKeeper, clock);
                    progress.reached(sampler.fractionReached(frame.seconds()));
                }
                frames++;
                // In a long clip someone may still walk in at the end: only a short one may stop early.
                if (options.earlyStop() && sampler.isShortClip() && !tracker.tracks().isEmpty()) {
                    decided = decide(tracker, matcher, clock);
                    decidedAtSample = lastSample;
                    List<FaceVerdict> verdicts = decided.stream().map(DecidedTrack::verdict).toList();
                    if (EarlyStop.settled(new MatchOutcome(List.of(), verdicts), options.match(), lastSample)) {
                        break;
                    }
                }
            }
        }
        if (decidedAtSample != lastSample) {
            decided = decide(tracker, matcher, clock);
        }
        long merging = clock.start();
        // Tracks of one person a sample apart (jitter allowed) are one appearance.
        List<Person> people = new AppearanceMerger(EngineOptions.JOIN_GAP_SPACINGS * spacing,
                options.match().sameFaceDistance()).merge(decided);
        clock.stop(StageClock.MATCH, merging);
        int encodings = tracker.tracks().stream().mapToInt(FaceTrack::encodings).sum();
        return new Sampling(people, decided, frames, encodings, crops, frameKeeper, duration);
    }

    private static SegmentPerson segmentPerson(Person person, BestViewCrops crops) {
        FaceObservation view = person.best().best();
        double seconds = Math.round(view.frameSeconds() * 1000) / 1000.0;
        Double distance = person.named() ? roundDistance(person.best().candidate().distance()) : null;
        return new SegmentPerson(person.name(), distance, view.box(), seconds, view.frontality(), person.appearances(),
                person.views().stream().map(FaceObservation::encoding).toList(), crops.of(view).orElse(null));
    }

    /** Each person's best-view frame with the others in it, labelled as {@link #cropsOf} labels crops. */
    private static List<BestFrame> framesOf(List<Person> people, FrameKeeper frames, TrackOwners owners) {
        List<BestFrame> found = new ArrayList<>();
        int unknown = 0;
        for (Person person : people) {
            String label = person.named() ? person.name() : EvidenceKeys.unknownPerson(++unknown);
            frames.of(person.best().best()).ifPresent(frame -> {
                List<BestFrame.Face> others = new ArrayList<>();
                frame.faces().forEach((track, box) -> owners.of(track).filter(owner -> !owner.equals(label))
                        .ifPresent(owner -> others.add(new BestFrame.Face(owner, box))));
                found.add(new BestFrame(label, Math.round(frame.seconds() * 1000), frame.width(), frame.height(),
                        frame.jpeg(), others));
            });
        }
        return found;
    }

    /**
     * The frames of a segment's best views, each once, with everyone in them the segment can tell, labelled as
     * {@link #framesOf} labels them; the merge relabels them as the video's result lists its people.
     */
    private static List<SegmentFrame> segmentFramesOf(List<Person> people, FrameKeeper frames, TrackOwners owners) {
        Map<Long, SegmentFrame> found = new LinkedHashMap<>();
        for (Person person : people) {
            frames.of(person.best().best()).ifPresent(frame -> found.computeIfAbsent(Math.round(frame.seconds() * 1000),
                    millis -> {
                        List<BestFrame.Face> faces = new ArrayList<>();
                        frame.faces().forEach((track, box) -> owners.of(track)
                                .ifPresent(owner -> faces.add(new BestFrame.Face(owner, box))));
                        return new SegmentFrame(millis, frame.width(), frame.height(), frame.jpeg(), faces);
                    }));
        }
        return List.copyOf(found.values());
    }

    /**
     * Each person's crop from the view the result names as their best, labelled as the result lists them:
     * gallery name, or {@code unknown-N} in the order of the unknown people.
     */
    private static List<FaceCrop> cropsOf(List<Person> people, BestViewCrops crops) {
        List<FaceCrop> found = new ArrayList<>();
        int unknown = 0;
        for (Person person : people) {
            String label = person.named() ? person.name() : EvidenceKeys.unknownPerson(++unknown);
            FaceObservation view = person.best().best();
            crops.of(view).ifPresent(jpeg -> found.add(new FaceCrop(label, jpeg, view.box(), view.frameSeconds())));
        }
        return found;
    }

    private static List<DecidedTrack> decide(FaceTracker tracker, GalleryMatcher matcher, StageClock clock) {
        long matching = clock.start();
        List<DecidedTrack> decided = new ArrayList<>();
        for (FaceTrack track : tracker.tracks()) {
            decided.add(new DecidedTrack(track, matcher.decide(track.bestViews(), track.samplesSeen(),
                    track.lastSample())));
        }
        clock.stop(StageClock.MATCH, matching);
        return decided;
    }

    /** Detects the faces of one sample and hands them to the tracker, which asks for the encodings it needs. */
    private void follow(SampledFrame frame, FaceTracker tracker, BestViewCrops crops, FrameKeeper frames,
                        StageClock clock) {
        long keeping = clock.start();
        frames.sampled(frame);
        clock.stop(StageClock.FRAMES, keeping);
        long detecting = clock.start();
        List<DetectedFace> faces = detector.detect(frame.image());
        clock.stop(StageClock.DETECT, detecting);
        List<FaceBox> boxes = faces.stream().map(face -> box(face, frame)).toList();
        int cropsBefore = crops.size();
        tracker.step(frame.sampleIndex(), frame.seconds(), boxes, index -> {
            FaceObservation view = observe(frame, faces.get(index), boxes.get(index), clock);
            long cropping = clock.start();
            crops.keep(view, cropper.crop(frame.image(), view.box()));
            clock.stop(StageClock.CROP, cropping);
            long framing = clock.start();
            frames.viewEncoded(frame);
            clock.stop(StageClock.FRAMES, framing);
            return view;
        });
        long noting = clock.start();
        frames.tracked(frame.sampleIndex(), tracker::tracks);
        clock.stop(StageClock.FRAMES, noting);
        // A view leaves a track's best ones only when a new one comes in: only then can a crop go.
        if (crops.size() > cropsBefore) {
            List<FaceObservation> held = tracker.tracks().stream().flatMap(track -> track.bestViews().stream()).toList();
            crops.retainOnly(held);
            frames.retainOnly(held);
        }
    }

    /** One face encoded. */
    private FaceObservation observe(SampledFrame frame, DetectedFace face, FaceBox box, StageClock clock) {
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
        return new FaceObservation(encoding, box, frame.sampleIndex(), frame.seconds(),
                FaceQuality.frontality(points));
    }

    private static FaceBox box(DetectedFace face, SampledFrame frame) {
        int x = (int) Math.max(0, Math.round(face.x()));
        int y = (int) Math.max(0, Math.round(face.y()));
        int width = (int) Math.min(frame.width() - x, Math.round(face.width()));
        int height = (int) Math.min(frame.height() - y, Math.round(face.height()));
        return new FaceBox(x, y, Math.max(0, width), Math.max(0, height));
    }

    private static VideoResult toResult(String videoName, List<Person> people, StageClock clock) {
        List<RecognisedPerson> named = new ArrayList<>();
        List<UnknownPerson> unknown = new ArrayList<>();
        for (Person person : people) {
            FaceObservation view = person.best().best();
            double seconds = Math.round(view.frameSeconds() * 1000) / 1000.0;
            if (person.named()) {
                named.add(new RecognisedPerson(person.name(), null, null, null,
                        roundDistance(person.best().candidate().distance()), view.box(), seconds,
                        person.appearances()));
            } else {
                unknown.add(new UnknownPerson(view.box(), seconds, person.appearances()));
            }
        }
        named.sort(Comparator.comparingDouble(RecognisedPerson::distance));
        ResultStatus status;
        if (people.isEmpty()) {
            status = ResultStatus.NO_FACE;
        } else if (named.isEmpty()) {
            status = ResultStatus.UNKNOWN_FACE;
        } else {
            status = ResultStatus.RECOGNISED;
        }
        return new VideoResult(videoName, status, named, people.size(), unknown.size(), null, null, clock.millis(),
                Instant.now(), unknown);
    }

    private static double roundDistance(double distance) {
        return Math.round(distance * 10_000) / 10_000.0;
    }

    @Override
    public double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused {
        if (!Files.isRegularFile(photoOrClip)) {
            throw EnrolmentRefused.unusable("no such file: " + photoOrClip);
        }
        String name = photoOrClip.getFileName().toString().toLowerCase(Locale.ROOT);
        if (IMAGE_SUFFIXES.stream().anyMatch(name::endsWith)) {
            try (Mat image = imread(photoOrClip.toString(), IMREAD_COLOR)) {
                if (image == null || image.empty()) {
                    throw EnrolmentRefused.unusable(photoOrClip.getFileName() + " is not an image that can be read");
                }
                return single(image, "the photo");
            }
        }
        try (FrameSampler sampler = FrameSampler.open(photoOrClip, options.sampling(), options.limits())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    if (!detector.detect(frame.image()).isEmpty()) {
                        return single(frame.image(), String.format(Locale.ROOT, "the frame at %.2f s", frame.seconds()));
                    }
                }
            }
        } catch (InvalidVideoException e) {
            throw EnrolmentRefused.unusable(photoOrClip.getFileName() + " is neither a photo nor a usable video: "
                    + e.getMessage());
        }
        throw EnrolmentRefused.noFace("no face found in " + photoOrClip.getFileName());
    }

    @Override
    public double[] encodeFaceAt(RandomAccessInput video, String videoName, double seconds, FaceBox box)
            throws EnrolmentRefused {
        // The same samples as recognition takes, so the frame is the one the result's time names.
        try (FrameSampler sampler = FrameSampler.open(video, videoName, options.sampling(), options.limits())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    if (Math.abs(frame.seconds() - seconds) <= SAME_FRAME_SECONDS) {
                        DetectedFace face = new DetectedFace(box.x(), box.y(), box.width(), box.height(), 1.0);
                        FaceLandmarks points = landmarks.locate(frame.image(), face);
                        try (Mat chip = aligner.align(frame.image(), points)) {
                            return encoder.encode(chip);
                        }
                    }
                    if (frame.seconds() > seconds + SAME_FRAME_SECONDS) {
                        break;
                    }
                }
            }
        } catch (InvalidVideoException e) {
            throw EnrolmentRefused.unusable(videoName + " cannot be read: " + e.getMessage());
        }
        throw EnrolmentRefused.noFace(String.format(Locale.ROOT, "%s has no sampled frame at %.3f s", videoName, seconds));
    }

    private double[] single(Mat image, String where) throws EnrolmentRefused {
        List<DetectedFace> faces = detector.detect(image);
        if (faces.isEmpty()) {
            throw EnrolmentRefused.noFace("no face found in " + where);
        }
        if (faces.size() > 1) {
            throw EnrolmentRefused.unusable(faces.size() + " faces in " + where + "; enrol from a photo of one person");
        }
        FaceLandmarks points = landmarks.locate(image, faces.get(0));
        if (FaceQuality.frontality(points) < options.match().minFrontality()) {
            throw EnrolmentRefused.unusable("the face in " + where + " is turned away; use one facing the camera");
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
