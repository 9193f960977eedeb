package org.classroom.localcloud.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 stand-in's bucket indexes on disk: replaced whole, never rewritten in place, so a crash cannot cut one short. */
class S3StandInIndexTest {

    @TempDir
    Path data;

    @Test
    void everyChangeReplacesTheBucketsIndexWholeAndTheDataOutlivesARestart() throws Exception {
        Path index = data.resolve("s3").resolve("results" + CrashSafeBucketIndex.SUFFIX);
        try (S3StandIn s3 = S3StandIn.start(data); S3Client client = client(s3)) {
            client.createBucket(b -> b.bucket("results"));
            client.putObject(p -> p.bucket("results").key("test_0"), RequestBody.fromString("president_trump"));
            Object before = Files.getAttribute(index, "unix:ino");

            client.putObject(p -> p.bucket("results").key("test_5"), RequestBody.fromString("vin_diesel"));

            // A new file moved over the old one (a write in place keeps the file): nothing between is ever read.
            assertThat(Files.getAttribute(index, "unix:ino")).isNotEqualTo(before);
            assertThat(new ObjectMapper().readTree(index.toFile()).path("objectMap").size()).isEqualTo(2);
            try (Stream<Path> files = Files.list(index.getParent())) {
                assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".next"));
            }
        }
        try (S3StandIn s3 = S3StandIn.start(data); S3Client client = client(s3)) {
            List<String> keys = client.listObjectsV2(l -> l.bucket("results")).contents().stream().map(S3Object::key).toList();
            assertThat(keys).containsExactlyInAnyOrder("test_0", "test_5");
            assertThat(client.getObjectAsBytes(g -> g.bucket("results").key("test_5")).asUtf8String()).isEqualTo("vin_diesel");
        }
    }

    @Test
    void anIndexCutShortBeforeThisStopsTheStartWithWhatLocalS3Found() throws Exception {
        Path index = data.resolve("s3").resolve("results" + CrashSafeBucketIndex.SUFFIX);
        try (S3StandIn s3 = S3StandIn.start(data); S3Client client = client(s3)) {
            client.createBucket(b -> b.bucket("results"));
            client.putObject(p -> p.bucket("results").key("test_0"), RequestBody.fromString("president_trump"));
        }
        truncateToHalf(index);

        assertThatThrownBy(() -> S3StandIn.start(data)).hasMessageContaining("local-s3 could not load its data")
                .hasMessageNotContaining("local-s3 changed");
    }

    private static void truncateToHalf(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
    }

    private static S3Client client(S3StandIn s3) {
        return S3Client.builder().endpointOverride(s3.address()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
