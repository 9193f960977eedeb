package org.classroom.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.classroom.common.format.Json;
import org.classroom.function.process.MessageReport;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

    @Test
    void listsOnlyTheFailedMessagesInTheSqsBatchResponseShape() {
        List<MessageReport> reports = List.of(
                new MessageReport("ok-1", List.of(), List.of()),
                new MessageReport("bad-1", List.of(), List.of("test_1.mp4: S3 503")),
                new MessageReport("ok-2", List.of(), List.of()),
                new MessageReport("bad-2", List.of(), List.of("not started")));

        assertThat(Json.write(RecogniseHandler.batchResponse(reports)))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"bad-1\"},{\"itemIdentifier\":\"bad-2\"}]}");
    }

    @Test
    void anAllGoodBatchHasAnEmptyList() {
        assertThat(Json.write(RecogniseHandler.batchResponse(List.of(new MessageReport("ok", List.of(), List.of())))))
                .isEqualTo("{\"batchItemFailures\":[]}");
    }
}
