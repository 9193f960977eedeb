package org.classroom.localcloud.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.classroom.localcloud.edge.Service;
import org.junit.jupiter.api.Test;

/** The edge's routing and body rules, without any stand-in. */
class EdgeRulesTest {

    @Test
    void requestsAreRoutedByTheirProtocolMarks() {
        assertThat(ServiceRouter.route(request("POST", "/", Map.of("X-Amz-Target", "AmazonSQS.SendMessage"), "")))
                .isEqualTo(Service.SQS);
        assertThat(ServiceRouter.route(request("POST", "/", Map.of("X-Amz-Target", "DynamoDB_20120810.GetItem"), "")))
                .isEqualTo(Service.DYNAMODB);
        assertThat(ServiceRouter.route(request("POST", "/2015-03-31/functions/recognise/invocations", Map.of(), "{}")))
                .isEqualTo(Service.LAMBDA);
        assertThat(ServiceRouter.route(request("POST", "/000000000000/q",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), "Action=SendMessage&MessageBody=x")))
                .isEqualTo(Service.SQS);
        assertThat(ServiceRouter.route(request("PUT", "/bucket/key.mp4", Map.of(), "video"))).isEqualTo(Service.S3);
        assertThat(ServiceRouter.route(request("POST", "/bucket/key.mp4?uploads", Map.of(), ""))).isEqualTo(Service.S3);
    }

    @Test
    void awsChunkedBodiesLoseTheirFramingAndTrailers() {
        String framed = "4;chunk-signature=aaaa\r\nabcd\r\n2;chunk-signature=bbbb\r\nef\r\n0;chunk-signature=cccc\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\nx-amz-trailer-signature:dddd\r\n\r\n";
        EdgeRequest chunked = request("PUT", "/b/k", Map.of("Content-Encoding", "aws-chunked,gzip",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "x-amz-decoded-content-length", "6"), framed);

        EdgeRequest plain = AwsChunkedBody.decode(chunked);

        assertThat(AwsChunkedBody.applies(chunked)).isTrue();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        assertThat(plain.header("Content-Encoding")).contains("gzip");
        assertThat(plain.header("x-amz-decoded-content-length")).isEmpty();
        assertThat(plain.header("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
        assertThat(AwsChunkedBody.applies(plain)).isFalse();
    }

    @Test
    void aTruncatedChunkedBodyIsRefused() {
        EdgeRequest truncated = request("PUT", "/b/k", Map.of("Content-Encoding", "aws-chunked"), "a;chunk-signature=x\r\nabc");

        assertThatThrownBy(() -> AwsChunkedBody.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePathKeepsPlusSignsAndDecodesEscapes() {
        EdgeRequest request = request("PUT", "/bucket/a+b%20c/Zo%C3%AB.mp4", Map.of(), "");

        assertThat(request.decodedPath()).isEqualTo("/bucket/a+b c/Zoë.mp4");
    }

    private static EdgeRequest request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new EdgeRequest(method, path, query, multi, body.getBytes(StandardCharsets.UTF_8));
    }
}
