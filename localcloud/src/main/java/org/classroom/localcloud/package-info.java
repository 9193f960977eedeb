/**
 * The local cloud: S3 (local-s3), SQS (ElasticMQ) and DynamoDB (DynamoDB Local) embedded in this JVM,
 * each on a loopback port of its own, behind one edge endpoint that routes requests by protocol
 * ({@code edge}), adds S3 event notifications to SQS ({@code s3events}) and the Lambda Invoke API for
 * handlers registered in-process ({@code functions}). Start it with {@link org.classroom.localcloud.LocalCloud#start}.
 *
 * <p>With a data folder, state survives a restart: {@code s3/} (local-s3's own files), {@code dynamodb/}
 * (one shared database), {@code sqs/} (ElasticMQ's H2 store: queues and messages)
 * and {@code s3-notifications.json}.
 */
package org.classroom.localcloud;
