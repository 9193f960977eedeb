package org.classroom.localcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classroom.common.format.Json;
import org.classroom.localcloud.edge.Service;
import org.classroom.localcloud.edge.EdgeRequest;

/**
 * Names the IAM actions and resources of a request to the local cloud, as AWS authorises them: S3 by
 * method, path and sub-resource; SQS and DynamoDB by their operation (batches as their single form);
 * Lambda by its REST path. Covers the operations the system and the AWS CLI use; anything else is named
 * {@code service:Unknown}, which only the administrator may do.
 */
public final class RequestActions {

    private static final Set<String> SQS_BATCHES = Set.of("SendMessageBatch", "DeleteMessageBatch", "ChangeMessageVisibilityBatch");

    private final String region;

    public RequestActions(String region) {
        this.region = region;
    }

    public List<RequestAction> of(Service service, EdgeRequest request) {
        return switch (service) {
            case S3 -> List.of(s3(request));
            case SQS -> List.of(sqs(request));
            case DYNAMODB -> dynamoDb(request);
            case LAMBDA -> List.of(lambda(request));
        };
    }

    /** The bucket an S3 request names (path style), or null for the service itself. */
    public static String bucketOf(EdgeRequest request) {
        String path = request.decodedPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return bucket.isEmpty() ? null : bucket;
    }

    /** The object key an S3 request names, or null for a bucket-level request. */
    public static String keyOf(EdgeRequest request) {
        String path = request.decodedPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 || slash == trimmed.length() - 1 ? null : trimmed.substring(slash + 1);
    }

    private RequestAction s3(EdgeRequest request) {
        String bucket = bucketOf(request);
        String key = keyOf(request);
        Map<String, String> query = request.queryParameters();
        String method = request.method();
        if (bucket == null) {
            return new RequestAction("s3:ListAllMyBuckets", "*");
        }
        if (key != null) {
            String object = "arn:aws:s3:::" + bucket + "/" + key;
            String action = switch (method) {
                case "GET", "HEAD" -> query.containsKey("uploadId") ? "s3:ListMultipartUploadParts" : "s3:GetObject";
                case "PUT", "POST" -> "s3:PutObject";
                case "DELETE" -> query.containsKey("uploadId") ? "s3:AbortMultipartUpload" : "s3:DeleteObject";
                default -> "s3:Unknown";
            };
            return new RequestAction(action, object);
        }
        String arn = "arn:aws:s3:::" + bucket;
        if (method.equals("POST") && query.containsKey("delete")) {
            return new RequestAction("s3:DeleteObject", arn + "/*");
        }
        String subresource = subresource(query);
        String action = switch (method + " " + subresource) {
            case "GET ", "HEAD " -> "s3:ListBucket";
            case "GET uploads" -> "s3:ListBucketMultipartUploads";
            case "GET location" -> "s3:GetBucketLocation";
            case "GET notification" -> "s3:GetBucketNotification";
            case "PUT notification" -> "s3:PutBucketNotification";
            case "GET encryption" -> "s3:GetEncryptionConfiguration";
            case "PUT encryption" -> "s3:PutEncryptionConfiguration";
            case "GET publicAccessBlock" -> "s3:GetBucketPublicAccessBlock";
            case "PUT publicAccessBlock" -> "s3:PutBucketPublicAccessBlock";
            case "GET lifecycle" -> "s3:GetLifecycleConfiguration";
            // IAM has no action of its own for DeleteBucketLifecycle: S3 checks the Put one.
            case "PUT lifecycle", "DELETE lifecycle" -> "s3:PutLifecycleConfiguration";
            case "PUT " -> "s3:CreateBucket";
            case "DELETE " -> "s3:DeleteBucket";
            default -> "s3:Unknown";
        };
        return new RequestAction(action, arn);
    }

    private static String subresource(Map<String, String> query) {
        for (String name : List.of("uploads", "location", "notification", "encryption", "publicAccessBlock",
                "versioning", "policy", "acl", "tagging", "lifecycle", "cors", "ownershipControls")) {
            if (query.containsKey(name)) {
                return name;
            }
        }
        return "";
    }

    private RequestAction sqs(EdgeRequest request) {
        String operation;
        String queueUrl;
        String queueName;
        String target = request.header("X-Amz-Target").orElse("");
        if (target.startsWith("AmazonSQS.")) {
            operation = target.substring("AmazonSQS.".length());
            JsonNode body = json(request);
            queueUrl = body.path("QueueUrl").asText(null);
            queueName = body.path("QueueName").asText(null);
        } else {
            Map<String, String> form = new java.util.HashMap<>(EdgeRequest.parseForm(request.query() == null ? "" : request.query()));
            form.putAll(EdgeRequest.parseForm(new String(request.body(), StandardCharsets.UTF_8)));
            operation = form.getOrDefault("Action", "Unknown");
            queueUrl = form.containsKey("QueueUrl") ? form.get("QueueUrl")
                    : request.rawPath().length() > 1 ? request.rawPath() : null;
            queueName = form.get("QueueName");
        }
        if (SQS_BATCHES.contains(operation)) {
            operation = operation.substring(0, operation.length() - "Batch".length());
        }
        String name = queueName != null ? queueName : lastSegment(queueUrl);
        String resource = name == null || operation.equals("ListQueues") ? "*"
                : "arn:aws:sqs:" + region + ":" + TemplatePolicies.ACCOUNT + ":" + name;
        return new RequestAction("sqs:" + operation, resource);
    }

    private List<RequestAction> dynamoDb(EdgeRequest request) {
        String operation = request.header("X-Amz-Target").orElse("").replaceFirst("^DynamoDB_\\d+\\.", "");
        JsonNode body = json(request);
        List<String> tables = new ArrayList<>();
        if (body.hasNonNull("TableName")) {
            tables.add(body.get("TableName").asText());
        }
        body.path("RequestItems").fieldNames().forEachRemaining(tables::add);
        body.path("TransactItems").forEach(item -> item.fields().forEachRemaining(entry -> {
            if (entry.getValue().hasNonNull("TableName")) {
                tables.add(entry.getValue().get("TableName").asText());
            }
        }));
        String action = "dynamodb:" + (operation.isEmpty() ? "Unknown" : operation);
        if (tables.isEmpty()) {
            return List.of(new RequestAction(action, "*"));
        }
        return tables.stream().distinct().map(table -> new RequestAction(action,
                "arn:aws:dynamodb:" + region + ":" + TemplatePolicies.ACCOUNT + ":table/" + table)).toList();
    }

    private RequestAction lambda(EdgeRequest request) {
        // /2015-03-31/functions/{name}/invocations, {name} a name, a name:qualifier or an ARN
        String[] parts = request.decodedPath().split("/");
        String name = parts.length > 3 ? parts[3] : "";
        if (name.startsWith("arn:")) {
            String[] arn = name.split(":");
            name = arn.length > 6 ? arn[6] : name;
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        String action = parts.length > 4 && parts[4].equals("invocations") ? "lambda:InvokeFunction" : "lambda:GetFunction";
        return new RequestAction(action, "arn:aws:lambda:" + region + ":" + TemplatePolicies.ACCOUNT + ":function:" + name);
    }

    private static String lastSegment(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
        String trimmed = decoded.endsWith("/") ? decoded.substring(0, decoded.length() - 1) : decoded;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static JsonNode json(EdgeRequest request) {
        try {
            return request.body().length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(request.body());
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
