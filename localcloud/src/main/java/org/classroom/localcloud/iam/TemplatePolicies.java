package org.classroom.localcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts' IAM statements out of the project's CloudFormation template, resolving the intrinsic
 * functions it uses ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt ... Arn}, {@code Fn::Join}) with the
 * local cloud's names, region and account. Written only as far as that template needs: no conditions,
 * no other intrinsics, ARNs for the resource types it declares.
 */
public final class TemplatePolicies {

    /** The account id the local stand-ins use in ARNs and queue URLs. */
    public static final String ACCOUNT = "000000000000";
    /** Which template resource holds each part's policy. */
    public static final Map<String, String> PARTS = Map.of(
            "function", "FunctionRole",
            "relay", "RelayPolicy",
            "desktop", "DesktopPolicy");

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    private final JsonNode resources;
    private final Map<String, String> parameters;
    private final String region;
    private final String account;

    private TemplatePolicies(JsonNode template, Map<String, String> given, String region, String account) {
        this.resources = template.path("Resources");
        this.region = region;
        this.account = account;
        Map<String, String> values = new HashMap<>();
        template.path("Parameters").fields().forEachRemaining(parameter -> {
            JsonNode fallback = parameter.getValue().path("Default");
            if (!fallback.isMissingNode()) {
                values.put(parameter.getKey(), fallback.asText());
            }
        });
        values.putAll(given);
        this.parameters = values;
    }

    /**
     * @param parameters the template parameters to use (bucket, queue, table and function names); the rest
     *                   take the template's defaults
     */
    public static AccessPolicies load(Path template, Map<String, String> parameters, String region) {
        return load(template, parameters, region, ACCOUNT);
    }

    /** @param account the account id to put in ARNs (for a preview of a real account: whatever stands for it) */
    public static AccessPolicies load(Path template, Map<String, String> parameters, String region, String account) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
            return new TemplatePolicies(root, parameters, region, account).policies();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM template " + template, e);
        }
    }

    private AccessPolicies policies() {
        Map<String, List<Statement>> byPart = new LinkedHashMap<>();
        PARTS.forEach((part, logicalId) -> {
            JsonNode resource = resources.path(logicalId);
            if (resource.isMissingNode()) {
                throw new IllegalArgumentException("the template has no resource " + logicalId + " for the " + part);
            }
            List<Statement> statements = new ArrayList<>();
            JsonNode properties = resource.path("Properties");
            properties.path("Policies").forEach(policy -> read(policy.path("PolicyDocument"), statements));
            read(properties.path("PolicyDocument"), statements);
            byPart.put(part, statements);
        });
        return new AccessPolicies(byPart);
    }

    private void read(JsonNode document, List<Statement> into) {
        document.path("Statement").forEach(statement -> into.add(new Statement(
                !"Deny".equals(statement.path("Effect").asText()),
                strings(statement.path("Action")),
                strings(statement.path("Resource")))));
    }

    private List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.addAll(strings(item)));
        } else if (!node.isMissingNode()) {
            values.add(resolve(node));
        }
        return values;
    }

    private String resolve(JsonNode node) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return ref(node.get("Ref").asText());
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            return substitute(sub.isArray() ? sub.get(0).asText() : sub.asText());
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode getAtt = node.get("Fn::GetAtt");
            return attribute(getAtt.get(0).asText(), getAtt.get(1).asText());
        }
        if (node.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            node.get("Fn::Join").get(1).forEach(part -> parts.add(resolve(part)));
            return String.join(node.get("Fn::Join").get(0).asText(), parts);
        }
        throw new IllegalArgumentException("the IAM template uses an intrinsic this reader does not know: " + node);
    }

    private String substitute(String text) {
        Matcher variable = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            int dot = name.indexOf('.');
            String value = dot > 0 && !name.startsWith("AWS::") ? attribute(name.substring(0, dot), name.substring(dot + 1)) : ref(name);
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::Region" -> {
                return region;
            }
            case "AWS::AccountId" -> {
                return account;
            }
            default -> {
                if (parameters.containsKey(name)) {
                    return parameters.get(name);
                }
                if (resources.has(name)) {
                    return physicalName(name);
                }
                throw new IllegalArgumentException("the IAM template refers to " + name + ", which is neither a parameter nor a resource");
            }
        }
    }

    private String attribute(String logicalId, String attribute) {
        if (!"Arn".equals(attribute)) {
            throw new IllegalArgumentException("only the Arn attribute is known here, not " + logicalId + "." + attribute);
        }
        String type = resources.path(logicalId).path("Type").asText();
        String name = physicalName(logicalId);
        return switch (type) {
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + account + ":" + name;
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
            case "AWS::Lambda::Function" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
            case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
            case "AWS::IAM::Role" -> "arn:aws:iam::" + account + ":role/" + logicalId;
            case "AWS::IAM::ManagedPolicy" -> "arn:aws:iam::" + account + ":policy/" + logicalId;
            default -> throw new IllegalArgumentException("no ARN known for " + logicalId + " (" + type + ")");
        };
    }

    private String physicalName(String logicalId) {
        JsonNode properties = resources.path(logicalId).path("Properties");
        for (String property : List.of("BucketName", "QueueName", "TableName", "FunctionName", "LogGroupName")) {
            if (properties.has(property)) {
                return resolve(properties.get(property));
            }
        }
        return logicalId;
    }
}
