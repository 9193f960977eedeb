package org.classroom.system.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.Json;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.common.students.StudentFile;
import org.classroom.common.students.StudentTable;
import org.classroom.face.VideoRecogniser;
import org.classroom.function.FunctionRuntime;
import org.classroom.function.RecogniseHandler;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A local cloud set up as the course's system: input and output buckets and queues, S3 notifications
 * from the input bucket to the input queue, the student table with the course's students and gallery,
 * and the function registered behind the Lambda endpoint. The test plays the relay: it reads the input
 * queue, invokes the function with an SQS event and reads the output bucket and queue.
 */
final class FunctionCloud implements AutoCloseable {

    final LocalCloud cloud;
    final ClassroomConfig config;
    final S3Client s3;
    final SqsClient sqs;
    final DynamoDbClient dynamoDb;
    final LambdaClient lambda;
    final StudentTable table;
    final ResultsTable results;
    final Path samples;
    final String inputQueueUrl;
    final String outputQueueUrl;
    private final List<FunctionRuntime> runtimes = new ArrayList<>();

    private FunctionCloud(Path samples, LocalCloudOptions options) {
        this.samples = samples;
        this.cloud = LocalCloud.start(options);
        this.config = cloud.config(new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of()));
        AwsClients clients = new AwsClients(config);
        this.s3 = clients.s3();
        this.sqs = clients.sqs();
        this.dynamoDb = clients.dynamoDb();
        this.lambda = clients.lambda();
        this.table = new StudentTable(dynamoDb, config.table());
        s3.createBucket(request -> request.bucket(config.inputBucket()));
        s3.createBucket(request -> request.bucket(config.outputBucket()));
        s3.createBucket(request -> request.bucket(config.evidenceBucket()));
        this.inputQueueUrl = sqs.createQueue(request -> request.queueName(config.inputQueue())).queueUrl();
        this.outputQueueUrl = sqs.createQueue(request -> request.queueName(config.outputQueue())).queueUrl();
        String queueArn = "arn:aws:sqs:" + config.region() + ":000000000000:" + config.inputQueue();
        s3.putBucketNotificationConfiguration(request -> request.bucket(config.inputBucket())
                .notificationConfiguration(n -> n.queueConfigurations(q -> q.queueArn(queueArn).events(Event.S3_OBJECT_CREATED))));
        dynamoDb.createTable(request -> request.tableName(config.table())
                .keySchema(k -> k.attributeName(StudentTable.NAME).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(StudentTable.NAME).attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.createTable(request -> request.tableName(config.resultsTable())
                .keySchema(k -> k.attributeName(ResultsTable.VIDEO).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(ResultsTable.VIDEO).attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        this.results = new ResultsTable(dynamoDb, config.resultsTable());
        for (Student student : StudentFile.read(samples.resolve("student_data.json"))) {
            table.putRecord(student);
        }
        JsonNode gallery = readJson(samples.resolve("encoding.json"));
        for (int i = 0; i < gallery.get("names").size(); i++) {
            table.setEncodings(gallery.get("names").get(i).asText(), List.of(vector(gallery.get("encodings").get(i))));
        }
    }

    static FunctionCloud start(Path samples) {
        return new FunctionCloud(samples, LocalCloudOptions.ephemeral());
    }

    /** With this many function invocations allowed at once. */
    static FunctionCloud start(Path samples, int concurrency) {
        return new FunctionCloud(samples, LocalCloudOptions.ephemeral().withConcurrency(concurrency));
    }

    /** Makes a function runtime (a container) and registers it under {@code name}. */
    FunctionRuntime register(String name, Supplier<? extends VideoRecogniser> engines, FunctionSettings settings) {
        return register(name, engines, settings, config);
    }

    /** The same, with the function reaching the cloud through {@code endpoint} (e.g. a relay that counts bytes). */
    FunctionRuntime register(String name, Supplier<? extends VideoRecogniser> engines, FunctionSettings settings,
                             URI endpoint) {
        return register(name, engines, settings, config.withEndpoint(endpoint));
    }

    private FunctionRuntime register(String name, Supplier<? extends VideoRecogniser> engines, FunctionSettings settings,
                                     ClassroomConfig functionConfig) {
        FunctionRuntime runtime = runtime(engines, settings, functionConfig);
        cloud.registerFunction(name, new RecogniseHandler(runtime), Duration.ofMinutes(10));
        return runtime;
    }

    /** Makes a function runtime (a container), closed with the cloud, for the test to register as it likes. */
    FunctionRuntime runtime(Supplier<? extends VideoRecogniser> engines, FunctionSettings settings) {
        return runtime(engines, settings, config);
    }

    private FunctionRuntime runtime(Supplier<? extends VideoRecogniser> engines, FunctionSettings settings,
                                    ClassroomConfig functionConfig) {
        FunctionRuntime runtime = FunctionRuntime.create(functionConfig, settings, engines);
        runtimes.add(runtime);
        return runtime;
    }

    Path clip(String name) {
        return samples.resolve("videos").resolve(name);
    }

    /** Uploads a file to the input bucket; S3 notifies the input queue. */
    String upload(String key, Path file) {
        return s3.putObject(request -> request.bucket(config.inputBucket()).key(key), RequestBody.fromFile(file)).eTag();
    }

    String upload(String key, byte[] bytes) {
        return s3.putObject(request -> request.bucket(config.inputBucket()).key(key), RequestBody.fromBytes(bytes)).eTag();
    }

    String upload(String key, byte[] bytes, Map<String, String> metadata) {
        return s3.putObject(request -> request.bucket(config.inputBucket()).key(key).metadata(metadata),
                RequestBody.fromBytes(bytes)).eTag();
    }

    /** Takes the next {@code count} notifications off the input queue, as the relay would. */
    List<Message> takeNotifications(int count) {
        List<Message> taken = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (taken.size() < count && System.currentTimeMillis() < deadline) {
            List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(inputQueueUrl)
                    .maxNumberOfMessages(Math.min(10, count - taken.size())).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (Message message : batch) {
                sqs.deleteMessage(request -> request.queueUrl(inputQueueUrl).receiptHandle(message.receiptHandle()));
                if (!message.body().contains("s3:TestEvent")) {
                    taken.add(message);
                }
            }
        }
        if (taken.size() < count) {
            throw new AssertionError("expected " + count + " notifications on the input queue, got " + taken.size());
        }
        return taken;
    }

    /** The SQS event Lambda's event source mapping (or the relay) would deliver for these messages. */
    String sqsEvent(List<Message> messages) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:" + config.region() + ":000000000000:" + config.inputQueue());
            record.put("awsRegion", config.region());
        }
        return Json.write(event);
    }

    /** Only the messages with these ids: what the queue hands out again after a partial failure. */
    static List<Message> only(List<Message> messages, List<String> ids) {
        return messages.stream().filter(message -> ids.contains(message.messageId())).toList();
    }

    Invocation invoke(String functionName, String payload) {
        long start = System.nanoTime();
        InvokeResponse response = lambda.invoke(request -> request.functionName(functionName)
                .payload(SdkBytes.fromUtf8String(payload)));
        double millis = (System.nanoTime() - start) / 1e6;
        return new Invocation(readJson(response.payload().asUtf8String()), response.functionError(), millis);
    }

    /** The function's answer to one invocation. */
    record Invocation(JsonNode payload, String functionError, double millis) {
        List<String> failedMessageIds() {
            if (functionError != null) {
                throw new AssertionError("the function failed: " + payload);
            }
            List<String> ids = new ArrayList<>();
            payload.get("batchItemFailures").forEach(failure -> ids.add(failure.get("itemIdentifier").asText()));
            return ids;
        }
    }

    /** Every object in the output bucket with its content. */
    Map<String, String> outputObjects() {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(config.outputBucket())).contents()) {
            objects.put(object.key(), s3.getObjectAsBytes(request -> request.bucket(config.outputBucket()).key(object.key())).asUtf8String());
        }
        return objects;
    }

    /** Every object in the evidence bucket (the face crops) with its bytes. */
    Map<String, byte[]> evidenceObjects() {
        Map<String, byte[]> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(config.evidenceBucket())).contents()) {
            objects.put(object.key(), s3.getObjectAsBytes(request -> request.bucket(config.evidenceBucket())
                    .key(object.key())).asByteArray());
        }
        return objects;
    }

    /** The JSON result of every video in the results table, by video key. */
    Map<String, VideoResult> results() {
        Map<String, VideoResult> byVideo = new TreeMap<>();
        results.all().forEach(result -> byVideo.put(result.video(), result));
        return byVideo;
    }

    /** How far the function got with a video, as its idempotency record says. */
    String stateOf(String video) {
        return dynamoDb.getItem(request -> request.tableName(config.resultsTable()).consistentRead(true)
                .key(Map.of(ResultsTable.VIDEO, AttributeValue.fromS(video)))).item().get(ResultsTable.STATE).s();
    }

    /** Takes every message now on the output queue. */
    List<VideoResult> drainOutputQueue() {
        List<VideoResult> results = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(outputQueueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                return results;
            }
            for (Message message : batch) {
                results.add(Json.readResult(message.body()));
                sqs.deleteMessage(request -> request.queueUrl(outputQueueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** Empties the buckets, both queues and the results table between tests (the students and the function stay, as in a warm system). */
    void reset() {
        dynamoDb.scanPaginator(request -> request.tableName(config.resultsTable())).items().forEach(item ->
                dynamoDb.deleteItem(request -> request.tableName(config.resultsTable())
                        .key(Map.of(ResultsTable.VIDEO, item.get(ResultsTable.VIDEO)))));
        for (String bucket : List.of(config.inputBucket(), config.outputBucket(), config.evidenceBucket())) {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
                s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
            }
        }
        drainOutputQueue();
        while (!sqs.receiveMessage(request -> request.queueUrl(inputQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().peek(message -> sqs.deleteMessage(request -> request.queueUrl(inputQueueUrl)
                        .receiptHandle(message.receiptHandle()))).toList().isEmpty()) {
            // keep draining
        }
    }

    @Override
    public void close() {
        runtimes.forEach(FunctionRuntime::close);
        lambda.close();
        s3.close();
        sqs.close();
        dynamoDb.close();
        cloud.close();
    }

    static JsonNode readJson(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] vector(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
