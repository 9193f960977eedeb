package org.classroom.localcloud.s3events;

import java.net.URI;
import org.classroom.common.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Sends notification messages straight to the SQS stand-in, by queue name. */
public final class QueueSender implements AutoCloseable {

    private final SqsClient sqs;

    public QueueSender(URI sqsBackend, String region) {
        this.sqs = SqsClient.builder()
                .endpointOverride(sqsBackend)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsClients.LOCAL_CREDENTIALS))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public boolean exists(String queueName) {
        try {
            sqs.getQueueUrl(request -> request.queueName(queueName));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    public void send(String queueName, String body) {
        String url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
    }

    @Override
    public void close() {
        sqs.close();
    }
}
