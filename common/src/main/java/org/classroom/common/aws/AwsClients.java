package org.classroom.common.aws;

import java.net.URI;
import java.time.Duration;
import org.classroom.common.config.ClassroomConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes the AWS SDK clients for one configuration. With an endpoint override (the local cloud)
 * every client talks to it, with path-style S3 addressing and fixed local credentials; otherwise the
 * region and the profile (or the default credentials chain) pick the real account.
 */
public final class AwsClients implements AutoCloseable {

    /** Credentials the local cloud accepts; they reach no real account. */
    public static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private final ClassroomConfig config;
    private final boolean sdkRetries;

    public AwsClients(ClassroomConfig config) {
        this(config, true);
    }

    private AwsClients(ClassroomConfig config, boolean sdkRetries) {
        this.config = config;
        this.sdkRetries = sdkRetries;
    }

    /**
     * Clients that make one attempt per call, for callers that retry with a policy of their own (the
     * function's Retrier, the relay's service calls): with the SDK retrying too, attempts would multiply.
     */
    public static AwsClients retriedByCaller(ClassroomConfig config) {
        return new AwsClients(config, false);
    }

    public ClassroomConfig config() {
        return config;
    }

    public S3Client s3() {
        return configure(S3Client.builder())
                .serviceConfiguration(s3Configuration())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(override().build())
                .build();
    }

    /** The async S3 client with the SDK's own multipart support, for the transfer manager. */
    public S3AsyncClient s3Async() {
        return configure(S3AsyncClient.builder())
                .serviceConfiguration(s3Configuration())
                .multipartEnabled(true)
                .build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(override().build())
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(override().build())
                .build();
    }

    /** The Lambda client; its timeout covers a synchronous invocation of a whole batch. */
    public LambdaClient lambda() {
        return configure(LambdaClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(64)
                        .socketTimeout(Duration.ofMinutes(15)))
                .overrideConfiguration(override()
                        .apiCallAttemptTimeout(Duration.ofMinutes(15))
                        .apiCallTimeout(Duration.ofMinutes(16))
                        .build())
                .build();
    }

    public AwsCredentialsProvider credentials() {
        if (config.isLocal()) {
            String key = config.localKey();
            return StaticCredentialsProvider.create(key == null || key.isBlank() || key.equals("local")
                    ? LOCAL_CREDENTIALS : AwsBasicCredentials.create(key, "local"));
        }
        if (config.profile() != null) {
            return ProfileCredentialsProvider.create(config.profile());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The SDK's standard retries, or one attempt when the caller retries. */
    private ClientOverrideConfiguration.Builder override() {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        return sdkRetries ? override.retryStrategy(RetryMode.STANDARD) : override.retryStrategy(AwsRetryStrategy.doNotRetry());
    }

    private S3Configuration s3Configuration() {
        return S3Configuration.builder().pathStyleAccessEnabled(config.isLocal()).build();
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        builder.region(Region.of(config.region())).credentialsProvider(credentials());
        URI endpoint = config.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public void close() {
        // Clients are owned by their callers; nothing shared to release.
    }
}
