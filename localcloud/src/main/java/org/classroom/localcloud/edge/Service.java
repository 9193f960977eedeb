package org.classroom.localcloud.edge;

/** The services the local cloud offers behind its one edge endpoint. */
public enum Service {
    S3, SQS, DYNAMODB, LAMBDA
}
