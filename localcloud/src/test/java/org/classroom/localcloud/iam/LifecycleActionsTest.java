package org.classroom.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.Service;
import org.junit.jupiter.api.Test;

/** The lifecycle requests the edge now answers are checked as the IAM actions S3 checks for them. */
class LifecycleActionsTest {

    private final RequestActions actions = new RequestActions("us-east-1");

    @Test
    void lifecycleRequestsNameTheirIamActions() {
        assertThat(action("GET")).isEqualTo(new RequestAction("s3:GetLifecycleConfiguration", "arn:aws:s3:::evidence"));
        assertThat(action("PUT")).isEqualTo(new RequestAction("s3:PutLifecycleConfiguration", "arn:aws:s3:::evidence"));
        assertThat(action("DELETE")).isEqualTo(new RequestAction("s3:PutLifecycleConfiguration", "arn:aws:s3:::evidence"));
    }

    private RequestAction action(String method) {
        return actions.of(Service.S3, new EdgeRequest(method, "/evidence", "lifecycle", Map.of(), new byte[0])).get(0);
    }
}
