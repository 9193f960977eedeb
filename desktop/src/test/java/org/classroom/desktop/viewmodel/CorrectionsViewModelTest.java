package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.corrections.CorrectionLog;
import org.classroom.desktop.model.CorrectionEntry;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.MemoryCorrections;
import org.classroom.desktop.testing.MemoryRoster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "This is…": the student made when asked, the face sent, and the videos matched again once it is enrolled. */
class CorrectionsViewModelTest {

    private static final Executor NOW = Runnable::run;
    private static final FaceBox BOX = new FaceBox(1215, 256, 276, 381);

    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final MemoryCorrections cloud = new MemoryCorrections();
    private final MemoryRoster roster = new MemoryRoster(List.of(new Student("floki", 4, "history", "junior")));
    private CorrectionsViewModel corrections;
    private int rosterRefreshes;

    @BeforeEach
    void setUp() {
        corrections = new CorrectionsViewModel(NOW, NOW, rows);
        corrections.attach(() -> cloud, () -> roster, () -> rosterRefreshes++);
        rows.addAll(person("test_5.mp4", "vin_diesel", null), person("test_5.mp4", null, 1),
                person("test_0.mp4", "president_trump", null), person("test_9.mp4", null, 1));
    }

    @Test
    void aNewStudentIsSavedThenTheFaceIsSentFromWhereTheResultSawIt() {
        corrections.thisIs(rows.get(1), new Student("new_boy", 9, "biology", "freshman"), true).join();

        assertThat(roster.list()).extracting(Student::name).contains("new_boy");
        assertThat(rosterRefreshes).isEqualTo(1);
        assertThat(cloud.sentFaces).singleElement().satisfies(face -> {
            assertThat(face.student()).isEqualTo("new_boy");
            assertThat(face.video()).isEqualTo("test_5.mp4");
            assertThat(face.frameSeconds()).isEqualTo(0.0);
            assertThat(face.box()).isEqualTo(BOX);
        });
        assertThat(corrections.statusProperty().get()).isEqualTo("Enrolling Unknown person 1 of test_5.mp4 as new_boy…");
        assertThat(cloud.matchedAgain).as("nothing before the function has enrolled the face").isEmpty();
    }

    @Test
    void theFaceIsSentWithTheVersionOfTheVideoItsResultWasMadeFrom() {
        corrections.resultArrived(new VideoResult("test_5.mp4", ResultStatus.RECOGNISED, List.of(), 2, 1, null,
                "e5", Map.of(), Instant.now()));

        corrections.thisIs(rows.get(1), new Student("floki", 4, null, null), false).join();
        corrections.thisIs(rows.get(3), new Student("floki", 4, null, null), false).join();

        assertThat(cloud.sentFaces).extracting(MemoryCorrections.SentFace::video, MemoryCorrections.SentFace::etag)
                .containsExactly(tuple("test_5.mp4", "e5"), tuple("test_9.mp4", null));
    }

    @Test
    void anExistingStudentIsNotSavedAgain() {
        corrections.thisIs(rows.get(1), new Student("floki", 99, "other", "other"), false).join();

        assertThat(roster.list()).singleElement().isEqualTo(new Student("floki", 4, "history", "junior"));
        assertThat(cloud.sentFaces).extracting(MemoryCorrections.SentFace::student).containsExactly("floki");
    }

    @Test
    void onceEnrolledTheVideoAndEveryVideoWithSomeoneUnknownAreMatchedAgainWithProgress() {
        corrections.thisIs(rows.get(1), new Student("new_boy", 9, "biology", "freshman"), true).join();
        String key = cloud.sentFaces.get(0).key();

        assertThat(corrections.enrolmentResult(enrolled(key, "new_boy"))).isTrue();

        assertThat(cloud.matchedAgain).containsExactly("test_5.mp4", "test_9.mp4");
        assertThat(corrections.statusProperty().get()).isEqualTo("Enrolled new_boy; matching 2 videos again…");
        rows.removeIf(row -> row.video().equals("test_5.mp4"));
        rows.addAll(person("test_5.mp4", "vin_diesel", null), person("test_5.mp4", "new_boy", null));
        assertThat(corrections.statusProperty().get()).isEqualTo("Matching again: 1 of 2 videos done…");
        rows.add(person("test_9.mp4", null, 1));
        assertThat(corrections.statusProperty().get()).isEqualTo("Matched 2 videos again");
    }

    @Test
    void aRefusedEnrolmentSaysWhyAndMatchesNothingAgain() {
        corrections.thisIs(rows.get(1), new Student("new_boy", 9, null, null), true).join();
        String key = cloud.sentFaces.get(0).key();
        VideoResult refused = new VideoResult(key, ResultStatus.INVALID_VIDEO, List.of(), 0, 0,
                "not enrolled: test_5.mp4 was replaced since that result; enrol from its new result", null, Map.of(),
                Instant.now());

        assertThat(corrections.enrolmentResult(refused)).isTrue();

        assertThat(cloud.matchedAgain).isEmpty();
        assertThat(corrections.statusProperty().get()).isEqualTo("Could not enrol Unknown person 1 of test_5.mp4 as "
                + "new_boy: test_5.mp4 was replaced since that result; enrol from its new result");
    }

    @Test
    void thisIsOnAWronglyNamedRowAlsoTakesTheOldNameOffThatFaceAndItsUndoPutsItBack() {
        corrections.thisIs(rows.get(0), new Student("floki", 4, "history", "junior"), false).join();

        assertThat(cloud.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.student()).isEqualTo("vin_diesel");
            assertThat(rejection.box()).isEqualTo(BOX);
        });
        assertThat(cloud.sentFaces).extracting(MemoryCorrections.SentFace::student).containsExactly("floki");
        corrections.enrolmentResult(enrolled(cloud.sentFaces.get(0).key(), "floki"));

        corrections.undo().join();

        assertThat(cloud.rejections).isEmpty();
        assertThat(cloud.unenrolled).containsExactly(cloud.sentFaces.get(0).key());
    }

    @Test
    void thisIsOnAnUnknownPersonRejectsNobody() {
        corrections.thisIs(rows.get(1), new Student("floki", 4, "history", "junior"), false).join();
        assertThat(cloud.rejections).isEmpty();
    }

    @Test
    void anotherEnrolmentsResultIsLeftToTheRoster() {
        assertThat(corrections.enrolmentResult(enrolled("enrol/floki/me.jpg", "floki"))).isFalse();
        assertThat(cloud.matchedAgain).isEmpty();
    }

    @Test
    void withoutAConnectionTheStatusSaysSo() {
        corrections.attach(() -> null, () -> null, () -> { });

        corrections.thisIs(rows.get(1), new Student("floki", 4, null, null), false).exceptionally(error -> null).join();

        assertThat(corrections.statusProperty().get())
                .isEqualTo("Could not enrol Unknown person 1 as floki: not connected: check the settings");
    }

    @Test
    void notThisStudentRecordsTheWrongMatchAndMatchesItsVideoAgain() {
        corrections.notThisStudent(rows.get(0)).join();

        assertThat(cloud.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.student()).isEqualTo("vin_diesel");
            assertThat(rejection.video()).isEqualTo("test_5.mp4");
            assertThat(rejection.box()).isEqualTo(BOX);
        });
        assertThat(cloud.matchedAgain).containsExactly("test_5.mp4");
        assertThat(corrections.statusProperty().get()).isEqualTo("Not vin_diesel in test_5.mp4: matching it again…");
        rows.removeIf(row -> row.video().equals("test_5.mp4"));
        rows.addAll(person("test_5.mp4", null, 1), person("test_5.mp4", null, 2));
        assertThat(corrections.statusProperty().get()).isEqualTo("Matched 1 video again");
    }

    @Test
    void onlyANamedRowCanBeTakenOffItsName() {
        assertThat(CorrectionsViewModel.canReject(rows.get(0))).isTrue();
        assertThat(CorrectionsViewModel.canReject(rows.get(1))).as("an unknown person").isFalse();

        corrections.notThisStudent(rows.get(1)).join();

        assertThat(cloud.rejections).isEmpty();
        assertThat(corrections.statusProperty().get()).isEqualTo("This row names no one to correct");
    }

    @Test
    void undoOfThisIsRemovesTheStudentItCreatedAndMatchesTheVideosAgain() {
        corrections.thisIs(rows.get(1), new Student("new_boy", 9, "biology", "freshman"), true).join();
        corrections.enrolmentResult(enrolled(cloud.sentFaces.get(0).key(), "new_boy"));
        cloud.matchedAgain.clear();
        assertThat(corrections.canUndoProperty().get()).isTrue();
        assertThat(corrections.undoTextProperty().get()).isEqualTo("Undo This is… new_boy");

        corrections.undo().join();

        assertThat(roster.list()).extracting(Student::name).containsExactly("floki");
        assertThat(cloud.unenrolled).as("the row went, encodings and all").isEmpty();
        assertThat(cloud.matchedAgain).containsExactly("test_5.mp4", "test_9.mp4");
        assertThat(corrections.statusProperty().get())
                .isEqualTo("Undid: This is… new_boy (Unknown person 1 in test_5.mp4); matching 2 videos again…");
        assertThat(corrections.canUndoProperty().get()).isFalse();
        assertThat(corrections.undoTextProperty().get()).isEqualTo("Undo");
    }

    @Test
    void undoOfThisIsForAStudentOfTheRosterTakesOutJustTheEncodingItAdded() {
        corrections.thisIs(rows.get(1), new Student("floki", 4, "history", "junior"), false).join();
        String key = cloud.sentFaces.get(0).key();
        corrections.enrolmentResult(enrolled(key, "floki"));

        corrections.undo().join();

        assertThat(cloud.unenrolled).containsExactly(key);
        assertThat(roster.list()).extracting(Student::name).containsExactly("floki");
    }

    @Test
    void undoTakesBackTheLastCorrectionFirst() {
        corrections.notThisStudent(rows.get(0)).join();
        corrections.notThisStudent(rows.get(2)).join();
        assertThat(cloud.rejections).hasSize(2);

        corrections.undo().join();
        assertThat(cloud.rejections).extracting(r -> r.student()).containsExactly("vin_diesel");
        corrections.undo().join();
        assertThat(cloud.rejections).isEmpty();
        corrections.undo().join();
        assertThat(corrections.canUndoProperty().get()).isFalse();
    }

    @Test
    void aFailedUndoLeavesTheCorrectionToUndoLater() {
        corrections.notThisStudent(rows.get(0)).join();
        corrections.attach(() -> null, () -> null, () -> { });

        corrections.undo().exceptionally(error -> null).join();

        assertThat(corrections.canUndoProperty().get()).isTrue();
        assertThat(corrections.statusProperty().get()).isEqualTo("Undo: Not this student vin_diesel (vin_diesel in "
                + "test_5.mp4) failed: not connected: check the settings");
    }

    @Test
    void everyCorrectionAndUndoIsLoggedAndTheLogOutlivesTheSession(@TempDir Path dir) {
        CorrectionLog file = new CorrectionLog(dir.resolve("corrections.jsonl"));
        corrections.useLog(file);
        corrections.notThisStudent(rows.get(0)).join();
        corrections.thisIs(rows.get(1), new Student("new_boy", 9, null, null), true).join();
        corrections.enrolmentResult(enrolled(cloud.sentFaces.get(0).key(), "new_boy"));
        corrections.undo().join();

        assertThat(corrections.log()).extracting(CorrectionEntry::what, CorrectionEntry::video, CorrectionEntry::person,
                CorrectionEntry::student).containsExactly(
                tuple("Not this student", "test_5.mp4", "vin_diesel", "vin_diesel"),
                tuple("This is…", "test_5.mp4", "Unknown person 1", "new_boy"),
                tuple("Undo: This is…", "test_5.mp4", "Unknown person 1", "new_boy"));

        CorrectionsViewModel nextSession = new CorrectionsViewModel(NOW, NOW, FXCollections.observableArrayList());
        nextSession.useLog(new CorrectionLog(dir.resolve("corrections.jsonl")));
        assertThat(nextSession.log()).isEqualTo(corrections.log());
    }

    @Test
    void onlyARowWithAFaceAndWhereItWasSeenCanBeNamed() {
        assertThat(CorrectionsViewModel.canName(rows.get(1))).isTrue();
        assertThat(CorrectionsViewModel.canName(new ResultRow("test_3.mp4", "no-face", null, null, null, null, null,
                null, null, null))).isFalse();
        assertThat(CorrectionsViewModel.canName(null)).isFalse();
    }

    private static ResultRow person(String video, String name, Integer unknownNumber) {
        return new ResultRow(video, "recognised", name, null, null, null, null, null, null, null, unknownNumber, BOX,
                0.0, List.of());
    }

    private static VideoResult enrolled(String key, String student) {
        return new VideoResult(key, ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson(student, 9, "biology", "freshman", 0.0, null, null)), 1, 0,
                "enrolled a face of " + student + " (1 encoding now)", null, Map.of(), Instant.now());
    }
}
