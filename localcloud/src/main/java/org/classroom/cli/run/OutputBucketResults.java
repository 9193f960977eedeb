package org.classroom.cli.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.classroom.common.format.Json;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.VideoResult;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Reads the JSON results the function writes beside the seed-format objects in the output bucket. */
public final class OutputBucketResults implements ResultSource {

    private final S3Client s3;
    private final String bucket;
    private final Collection<String> videoKeys;

    public OutputBucketResults(S3Client s3, String bucket, Collection<String> videoKeys) {
        this.s3 = s3;
        this.bucket = bucket;
        this.videoKeys = videoKeys;
    }

    @Override
    public List<VideoResult> current() {
        List<VideoResult> results = new ArrayList<>();
        for (String key : videoKeys) {
            try {
                String json = s3.getObjectAsBytes(request -> request.bucket(bucket).key(VideoKeys.jsonKey(key))).asUtf8String();
                results.add(Json.readResult(json));
            } catch (NoSuchKeyException notYet) {
                // Not finished yet.
            }
        }
        return results;
    }

    @Override
    public String describe() {
        return "the output bucket " + bucket;
    }
}
