package org.classroom.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.classroom.common.aws.AwsClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Listings through the edge name every key exactly, whatever its letters, as S3 does. */
class ListingTest {

    private static final List<String> KEYS = List.of("a é.json", "lecture ünïcødé 0.json", "q&a <1> + more.json",
            "plain.json", "week 2/日本語.json");

    @Test
    void keysWithNonAsciiAndXmlCharactersListIntact() {
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
                AwsClients clients = new AwsClients(cloud.config(TestConfigs.defaults()))) {
            S3Client s3 = clients.s3();
            s3.createBucket(request -> request.bucket("listing"));
            for (String key : KEYS) {
                s3.putObject(request -> request.bucket("listing").key(key), RequestBody.fromString("x"));
            }

            assertThat(s3.listObjectsV2(request -> request.bucket("listing")).contents())
                    .extracting(S3Object::key).containsExactlyInAnyOrderElementsOf(KEYS);
            assertThat(s3.listObjects(request -> request.bucket("listing")).contents())
                    .extracting(S3Object::key).containsExactlyInAnyOrderElementsOf(KEYS);

            ListObjectsV2Response folders = s3.listObjectsV2(request -> request.bucket("listing").delimiter("/"));
            assertThat(folders.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("week 2/");
            assertThat(s3.listObjectsV2(request -> request.bucket("listing").prefix("week 2/")).contents())
                    .extracting(S3Object::key).containsExactly("week 2/日本語.json");

            // The connection stays usable afterwards (a short Content-Length used to leave stray bytes on it).
            assertThat(s3.getObjectAsBytes(request -> request.bucket("listing").key("a é.json")).asUtf8String()).isEqualTo("x");
        }
    }
}
