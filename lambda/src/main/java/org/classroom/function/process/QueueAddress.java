package org.classroom.function.process;

import org.classroom.function.runtime.Retrier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A queue named by URL or by name; a name is resolved once with GetQueueUrl and remembered. */
public final class QueueAddress {

    private final SqsClient sqs;
    private final String nameOrUrl;
    private final Retrier retrier;
    private volatile String url;

    public QueueAddress(SqsClient sqs, String nameOrUrl, Retrier retrier) {
        this.sqs = sqs;
        this.nameOrUrl = nameOrUrl;
        this.retrier = retrier;
        if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
            this.url = nameOrUrl;
        }
    }

    public String url() {
        String known = url;
        if (known == null) {
            known = retrier.call(() -> sqs.getQueueUrl(request -> request.queueName(nameOrUrl)).queueUrl());
            url = known;
        }
        return known;
    }
}
