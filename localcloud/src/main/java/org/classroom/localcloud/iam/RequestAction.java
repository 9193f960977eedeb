package org.classroom.localcloud.iam;

/** What a request asks to do, as IAM names it: an action such as {@code s3:GetObject} on a resource ARN. */
public record RequestAction(String action, String resource) {
}
