package org.classroom.provision;

import java.util.function.BooleanSupplier;
import org.classroom.provision.ProvisionReport.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * A private bucket, encrypted at rest with S3-managed keys where the service allows it; optionally one whose
 * objects expire after some days.
 */
final class Buckets {

    private static final Logger LOG = LoggerFactory.getLogger(Buckets.class);
    /** The lifecycle rule's id, the same as the template's, so that either finds the other's rule. */
    static final String EXPIRY_RULE = "ExpireEvidence";

    private final S3Client s3;
    private final String region;
    private final ProvisionReport report;

    Buckets(S3Client s3, String region, ProvisionReport report) {
        this.s3 = s3;
        this.region = region;
        this.report = report;
    }

    void ensure(String bucket) {
        String resource = "bucket " + bucket;
        if (exists(bucket)) {
            report.add(resource, Change.UNCHANGED);
        } else {
            s3.createBucket(request -> {
                request.bucket(bucket);
                if (!"us-east-1".equals(region)) {
                    request.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                }
            });
            report.add(resource, Change.CREATED);
        }
        ensurePrivate(bucket);
        ensureEncrypted(bucket);
    }

    /** A private, encrypted bucket whose objects S3 deletes {@code days} after they were written. */
    void ensureExpiring(String bucket, int days) {
        ensure(bucket);
        ensureExpiry(bucket, days);
    }

    private void ensureExpiry(String bucket, int days) {
        ensureSetting("bucket " + bucket + " expiry", () -> s3.getBucketLifecycleConfiguration(request -> request.bucket(bucket))
                .rules().stream().anyMatch(rule -> EXPIRY_RULE.equals(rule.id()) && rule.status() == ExpirationStatus.ENABLED
                        && rule.expiration() != null && Integer.valueOf(days).equals(rule.expiration().days())),
                () -> s3.putBucketLifecycleConfiguration(request -> request.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                        LifecycleRule.builder().id(EXPIRY_RULE).status(ExpirationStatus.ENABLED)
                                .filter(f -> f.prefix("")).expiration(e -> e.days(days)).build()))),
                "objects expire after " + days + " day(s)");
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new IllegalStateException("the bucket name " + bucket + " belongs to another account (or you may not "
                        + "read it): choose another name with --set input.bucket=... / output.bucket=... / evidence.bucket=...", e);
            }
            throw e;
        }
    }

    private void ensurePrivate(String bucket) {
        ensureSetting("bucket " + bucket + " public access block", () -> {
            var current = s3.getPublicAccessBlock(request -> request.bucket(bucket)).publicAccessBlockConfiguration();
            return Boolean.TRUE.equals(current.blockPublicAcls()) && Boolean.TRUE.equals(current.ignorePublicAcls())
                    && Boolean.TRUE.equals(current.blockPublicPolicy()) && Boolean.TRUE.equals(current.restrictPublicBuckets());
        }, () -> s3.putPublicAccessBlock(request -> request.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true))), "");
    }

    private void ensureEncrypted(String bucket) {
        ensureSetting("bucket " + bucket + " default encryption", () -> s3.getBucketEncryption(request -> request.bucket(bucket))
                .serverSideEncryptionConfiguration().rules().stream()
                .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                .anyMatch(rule -> rule != null && rule.sseAlgorithm() != null),
                () -> s3.putBucketEncryption(request -> request.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                        ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(
                                ServerSideEncryption.AES256)).build()))), "SSE-S3");
    }

    /**
     * Reads a bucket setting and writes it when it is missing (S3 answers 404 for a setting never made);
     * a service that refuses either call is reported as not supporting it, not as a failure.
     */
    private void ensureSetting(String resource, BooleanSupplier alreadySet, Runnable write, String detail) {
        try {
            if (alreadySet.getAsBoolean()) {
                report.add(resource, Change.UNCHANGED);
                return;
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                notSupported(resource, e);
                return;
            }
        }
        try {
            write.run();
            report.add(resource, Change.CREATED, detail);
        } catch (S3Exception e) {
            notSupported(resource, e);
        }
    }

    private void notSupported(String resource, S3Exception e) {
        String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
        LOG.debug("{} refused: {}", resource, e.getMessage());
        report.add(resource, Change.NOT_SUPPORTED, "the service answered " + code);
    }
}
