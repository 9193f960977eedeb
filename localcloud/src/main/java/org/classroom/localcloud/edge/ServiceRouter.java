package org.classroom.localcloud.edge;

import java.nio.charset.StandardCharsets;

/**
 * Decides which service a request is for, by the rules the AWS protocols leave visible: the JSON
 * protocols name their target in {@code X-Amz-Target}, the SQS query protocol sends {@code Action=},
 * Lambda's REST API lives under its dated path, and S3 takes everything else.
 */
public final class ServiceRouter {

    static final String LAMBDA_PATH = "/2015-03-31/functions";

    private ServiceRouter() {
    }

    public static Service route(EdgeRequest request) {
        String target = request.header("X-Amz-Target").orElse("");
        if (target.startsWith("AmazonSQS")) {
            return Service.SQS;
        }
        if (target.startsWith("DynamoDB_")) {
            return Service.DYNAMODB;
        }
        if (request.rawPath().startsWith(LAMBDA_PATH)) {
            return Service.LAMBDA;
        }
        if (isSqsQuery(request)) {
            return Service.SQS;
        }
        return Service.S3;
    }

    private static boolean isSqsQuery(EdgeRequest request) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase();
        if (contentType.startsWith("application/x-www-form-urlencoded") && "POST".equals(request.method())) {
            return EdgeRequest.parseForm(new String(request.body(), StandardCharsets.UTF_8)).containsKey("Action");
        }
        // S3 never uses an Action parameter; the SQS query API may put it in the query string.
        return request.query() != null && EdgeRequest.parseForm(request.query()).containsKey("Action");
    }
}
