package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.classroom.desktop.model.Presence;
import org.junit.jupiter.api.Test;

/** What a lecture cell and the time columns say. */
class AttendanceCellTextTest {

    @Test
    void timesReadAsMinutesAndSecondsThenHours() {
        assertThat(AttendanceView.clock(0)).isEqualTo("0:00");
        assertThat(AttendanceView.clock(59.6)).isEqualTo("1:00");
        assertThat(AttendanceView.clock(3599)).isEqualTo("59:59");
        assertThat(AttendanceView.clock(3600 * 26 + 61)).isEqualTo("26:01:01");
    }

    @Test
    void aCellSaysAbsentPresentOrPresentWithItsTime() {
        assertThat(AttendanceView.text(Presence.ABSENT)).isEqualTo("—");
        assertThat(AttendanceView.text(new Presence(true, 90, true))).isEqualTo("✓ 1:30");
        assertThat(AttendanceView.text(new Presence(true, 0, false))).isEqualTo("✓");
        assertThat(AttendanceView.text(new Presence(true, 90, false))).as("a lower bound").isEqualTo("✓ 1:30+");
    }
}
