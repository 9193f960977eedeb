package org.classroom.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classroom.function.process.LedgerEntry.Decision;
import org.junit.jupiter.api.Test;

class LedgerDecisionTest {

    @Test
    void nothingWrittenYetMeansProcess() {
        assertThat(LedgerEntry.decide(null, "e1")).isEqualTo(Decision.PROCESS);
    }

    @Test
    void sameVersionWrittenAndSentIsADuplicate() {
        assertThat(LedgerEntry.decide(new LedgerEntry("e1", true), "e1")).isEqualTo(Decision.DONE);
    }

    @Test
    void sameVersionWrittenButNotSentIsSentAgain() {
        assertThat(LedgerEntry.decide(new LedgerEntry("e1", false), "e1")).isEqualTo(Decision.RESEND);
    }

    @Test
    void aNewVersionReplacesTheResult() {
        assertThat(LedgerEntry.decide(new LedgerEntry("e1", true), "e2")).isEqualTo(Decision.PROCESS);
        assertThat(LedgerEntry.decide(new LedgerEntry("e1", false), "e2")).isEqualTo(Decision.PROCESS);
    }

    @Test
    void unknownVersionsAreProcessed() {
        assertThat(LedgerEntry.decide(new LedgerEntry(null, true), "e1")).isEqualTo(Decision.PROCESS);
        assertThat(LedgerEntry.decide(new LedgerEntry("e1", true), null)).isEqualTo(Decision.PROCESS);
    }

    @Test
    void metadataRoundTripsThroughTheLedgerFields() {
        assertThat(ResultLedger.fromMetadata(ResultLedger.metadata("e1", true))).isEqualTo(new LedgerEntry("e1", true));
        assertThat(ResultLedger.fromMetadata(ResultLedger.metadata("e1", false))).isEqualTo(new LedgerEntry("e1", false));
        assertThat(ResultLedger.fromMetadata(Map.of("Source-ETag", "\"e9\"", "Sent", "true"))).isEqualTo(new LedgerEntry("e9", true));
        assertThat(ResultLedger.fromMetadata(Map.of())).isEqualTo(new LedgerEntry(null, false));
    }
}
