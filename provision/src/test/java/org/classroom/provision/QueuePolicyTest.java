package org.classroom.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    @Test
    void theInputQueuePolicyLetsOnlyS3SendAndOnlyForTheBucket() throws Exception {
        JsonNode policy = Json.mapper().readTree(Queues.policy("arn:aws:sqs:us-east-1:123:in", "arn:aws:s3:::videos"));
        JsonNode statement = policy.path("Statement").get(0);

        assertThat(policy.path("Statement")).hasSize(1);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("SQS:SendMessage");
        assertThat(statement.path("Resource").asText()).isEqualTo("arn:aws:sqs:us-east-1:123:in");
        assertThat(statement.path("Condition").path("ArnLike").path("aws:SourceArn").asText()).isEqualTo("arn:aws:s3:::videos");
    }
}
