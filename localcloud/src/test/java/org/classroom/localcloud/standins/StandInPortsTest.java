package org.classroom.localcloud.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The stand-ins start side by side, each on a port of its own, even when the one picked for it is taken meanwhile. */
class StandInPortsTest {

    @Test
    void dynamoDbLocalOnATakenPortFailsWithAFailureThatStartingAgainHandles() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Throwable failure = catchThrowable(() -> DynamoDbStandIn.startOn(taken.getLocalPort(), null));

            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("DynamoDB Local did not start");
            assertThat(DynamoDbStandIn.portTaken(failure)).isTrue();
            assertThat(DynamoDbStandIn.portTaken(new IllegalStateException("a corrupt database"))).isFalse();
        }
    }

    @Test
    void s3AndDynamoDbStartedTogetherEachGetAPortOfTheirOwn() throws Exception {
        try (StandIn s3 = S3StandIn.start(null); StandIn dynamo = DynamoDbStandIn.start(null)) {
            assertThat(s3.address().getPort()).isPositive().isNotEqualTo(dynamo.address().getPort());
            assertThat(s3.address().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
