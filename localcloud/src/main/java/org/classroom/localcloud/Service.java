package org.classroom.localcloud;

/** The services the local cloud offers behind its one edge endpoint. */
public enum Service {
    S3, SQS, DYNAMODB, LAMBDA
}
