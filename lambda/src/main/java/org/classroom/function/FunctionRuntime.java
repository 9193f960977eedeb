package org.classroom.function;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.FaceRejections;
import org.classroom.common.students.StudentTable;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.engine.EngineOptions;
import org.classroom.face.segment.PartialResult;
import org.classroom.function.correction.RejectedMatches;
import org.classroom.function.correction.RejectionCache;
import org.classroom.function.correction.VideoFaceEncoder;
import org.classroom.function.event.InvocationEvent;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.fanout.FanOut;
import org.classroom.function.fanout.SegmentInvoker;
import org.classroom.function.fanout.SegmentRequest;
import org.classroom.function.fanout.SegmentWorker;
import org.classroom.function.process.BatchRunner;
import org.classroom.function.process.ClaimRenewal;
import org.classroom.function.process.Enrolment;
import org.classroom.function.process.MessageReport;
import org.classroom.function.process.ObjectDownloader;
import org.classroom.function.process.ObjectHead;
import org.classroom.function.process.ObjectProcessor;
import org.classroom.function.process.QueueAddress;
import org.classroom.function.process.EvidenceBucket;
import org.classroom.function.process.GalleryVersion;
import org.classroom.function.process.Recognition;
import org.classroom.function.process.ResultLedger;
import org.classroom.function.process.ResultPublisher;
import org.classroom.function.runtime.EnginePool;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FanOutSettings;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.function.runtime.GalleryCache;
import org.classroom.function.runtime.LambdaEnvironment;
import org.classroom.function.runtime.Retrier;
import org.classroom.function.runtime.StudentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything a warm container keeps between invocations: the AWS clients, the engines (networks
 * loaded once), the gallery and the student records. One per container; thread-safe.
 */
public final class FunctionRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRuntime.class);

    private final ClassroomConfig config;
    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final LambdaClient lambda;
    private final EnginePool engines;
    private final GalleryCache gallery;
    private final BatchRunner runner;
    private final ClaimRenewal claimRenewal;
    private final SegmentWorker segments;
    private final Optional<FanOut> fanOut;
    private final long initMillis;

    private FunctionRuntime(ClassroomConfig config, FunctionSettings settings, Supplier<? extends VideoRecogniser> engineFactory) {
        long start = System.nanoTime();
        this.config = config;
        // The networks load on their own thread while the AWS clients are built: the two halves of a cold
        // start take about as long each, and a Lambda of 1,769 MB or more has a second vCPU.
        EnginePool pool = new EnginePool(engineFactory);
        CompletableFuture<EnginePool> warming = new CompletableFuture<>();
        Thread warmer = new Thread(() -> {
            try {
                warming.complete(pool.warm());
            } catch (Throwable e) {
                warming.completeExceptionally(e);
            }
        }, "engine-warm-up");
        warmer.setDaemon(true);
        warmer.start();
        // One retry layer: the function's Retrier (the relay's service calls) decides, the SDK tries once.
        AwsClients clients = AwsClients.retriedByCaller(config);
        this.s3 = clients.s3();
        this.sqs = clients.sqs();
        this.dynamoDb = clients.dynamoDb();
        this.lambda = clients.lambda();
        Retrier retrier = Retrier.from(settings);
        StudentTable table = new StudentTable(dynamoDb, config.table());
        Clock clock = Clock.systemUTC();
        this.gallery = new GalleryCache(() -> retrier.call(table::gallery), settings.galleryMaxAge(), clock);
        StudentDirectory students = new StudentDirectory(name -> retrier.call(() -> table.get(name)), settings.galleryMaxAge(), clock);
        RejectionCache rejections = new RejectionCache(
                () -> retrier.call(new FaceRejections(dynamoDb, config.table())::all), settings.galleryMaxAge(), clock);
        this.engines = awaitEngine(warming);
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        ResultLedger ledger = new ResultLedger(dynamoDb, config.resultsTable(), settings.claimLease(), clock, retrier);
        this.claimRenewal = new ClaimRenewal(ledger, settings.claimLease());
        ObjectDownloader downloader = new ObjectDownloader(s3, temp, retrier);
        // A segment reads the version its coordinator claimed (If-Match on every ranged GET), never another.
        this.segments = new SegmentWorker(request -> downloader.reader(
                new ObjectRef(request.bucket(), request.key(), request.etag(), null),
                new ObjectHead(request.etag(), request.size())), engines, gallery);
        this.fanOut = fanOut(settings.fanOut(), config, segments);
        ObjectProcessor processor = new ObjectProcessor(config.outputBucket(), settings.maxVideoBytes(),
                ledger,
                downloader,
                new Recognition(engines, gallery, students, new EvidenceBucket(s3, config.evidenceBucket(), retrier),
                        fanOut, new RejectedMatches(rejections)),
                new Enrolment(engines, table, gallery, students, retrier,
                        new VideoFaceEncoder(downloader, engines),
                        new EnrolledFaces(dynamoDb, config.table())),
                new ResultPublisher(s3, sqs, config.outputBucket(),
                        new QueueAddress(sqs, config.outputQueue(), retrier), ledger, retrier),
                claimRenewal, new GalleryVersion() {
                    @Override
                    public String current() {
                        return gallery.stamp() + "+" + rejections.stamp();
                    }

                    @Override
                    public String fresh() {
                        return gallery.freshStamp() + "+" + rejections.freshStamp();
                    }
                });
        this.runner = new BatchRunner(processor, settings.threads(), settings.timeReserve());
        this.initMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("function ready in {} ms (output bucket {}, evidence bucket {}, output queue {}, tables {} and {})",
                initMillis, config.outputBucket(), config.evidenceBucket(), config.outputQueue(), config.table(), config.resultsTable());
    }

    /** The coordinator of long recordings, invoking this same function (by the name Lambda gave it) per segment. */
    private Optional<FanOut> fanOut(FanOutSettings settings, ClassroomConfig config, SegmentWorker worker) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        String self = Optional.ofNullable(System.getenv(LambdaEnvironment.FUNCTION_NAME_VARIABLE)).orElse(config.function());
        EngineOptions engine = EngineOptions.defaults();
        return Optional.of(new FanOut(settings.plan(engine.sampling().maxSpacingSeconds()),
                new SegmentInvoker(lambda, self)::invoke, worker::run, engine.segmentMerge(), settings.attempts()));
    }

    private static EnginePool awaitEngine(CompletableFuture<EnginePool> warming) {
        try {
            return warming.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A runtime for the given system, with the production engine. */
    public static FunctionRuntime create(ClassroomConfig config, FunctionSettings settings) {
        return new FunctionRuntime(config, settings, Engines.faceEngine(settings));
    }

    /** A runtime with another engine (tests, benchmarks). */
    public static FunctionRuntime create(ClassroomConfig config, FunctionSettings settings,
                                         Supplier<? extends VideoRecogniser> engineFactory) {
        return new FunctionRuntime(config, settings, engineFactory);
    }

    /** The runtime configured from {@code CLASSROOM_*} environment variables, as on AWS. */
    public static FunctionRuntime fromEnvironment() {
        ClassroomConfig config = ConfigLoader.forCurrentUser().load(Map.of());
        return create(config, FunctionSettings.fromEnvironment(System.getenv()));
    }

    public ClassroomConfig config() {
        return config;
    }

    /** How long making this runtime took (the engine's networks dominate): the cold start's own cost. */
    public long initMillis() {
        return initMillis;
    }

    public List<MessageReport> run(InvocationEvent event, LongSupplier remainingMillis) {
        return runner.run(event, remainingMillis);
    }

    /** One segment of a long recording, asked for by its coordinator: a partial result, nothing published. */
    public PartialResult segment(SegmentRequest request) {
        return segments.run(request);
    }

    /** Reads the gallery now rather than on the first video; a failure is left for that video to meet. */
    public void preloadGallery() {
        try {
            gallery.get();
        } catch (RuntimeException e) {
            LOG.warn("gallery not loaded at start ({}); it will be read on the first video", e.getMessage());
        }
    }

    @Override
    public void close() {
        claimRenewal.close();
        fanOut.ifPresent(FanOut::close);
        engines.close();
        s3.close();
        sqs.close();
        dynamoDb.close();
        lambda.close();
    }
}
