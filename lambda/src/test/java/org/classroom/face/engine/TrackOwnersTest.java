package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.match.FaceVerdict;
import org.classroom.face.track.AppearanceMerger.DecidedTrack;
import org.classroom.face.track.AppearanceMerger.Person;
import org.classroom.face.track.FaceTrack;
import org.classroom.face.track.FaceTracker;
import org.classroom.face.track.TrackingOptions;
import org.junit.jupiter.api.Test;

class TrackOwnersTest {

    @Test
    void namedTracksAreTheirNamesAndUnknownOnesTheStrangerTheyShowOrTheOnlyOneOnScreenThen() {
        List<FaceTrack> tracks = tracks(4);   // four faces side by side in one sample, at 0 s
        FaceVerdict ada = verdict("ada", tracks.get(0));
        FaceVerdict firstStranger = verdict(null, tracks.get(1));
        FaceVerdict alsoFirstStranger = verdict(null, tracks.get(2));
        FaceVerdict unclear = verdict(null, tracks.get(3));
        List<Person> people = List.of(
                new Person("ada", ada, List.of(new Appearance(0, 0)), List.of()),
                new Person(null, firstStranger, List.of(new Appearance(0, 0)), List.of()),
                new Person(null, verdict(null, tracks.get(3)), List.of(new Appearance(5, 9)), List.of()));
        List<DecidedTrack> decided = List.of(new DecidedTrack(tracks.get(0), ada),
                new DecidedTrack(tracks.get(1), firstStranger), new DecidedTrack(tracks.get(2), alsoFirstStranger),
                new DecidedTrack(tracks.get(3), unclear));

        TrackOwners owners = new TrackOwners(people, decided);

        assertThat(owners.of(tracks.get(0))).contains("ada");
        assertThat(owners.of(tracks.get(1))).as("gave the first stranger's best view").contains("unknown-1");
        assertThat(owners.of(tracks.get(2))).as("only the first stranger was on screen at 0 s").contains("unknown-1");
    }

    @Test
    void anUnknownTrackTwoStrangersOnScreenTogetherCouldBeIsLeftOut() {
        List<FaceTrack> tracks = tracks(3);
        FaceVerdict first = verdict(null, tracks.get(0));
        FaceVerdict second = verdict(null, tracks.get(1));
        FaceVerdict third = verdict(null, tracks.get(2));
        List<Person> people = List.of(new Person(null, first, List.of(new Appearance(0, 0)), List.of()),
                new Person(null, second, List.of(new Appearance(0, 0)), List.of()));

        TrackOwners owners = new TrackOwners(people, List.of(new DecidedTrack(tracks.get(0), first),
                new DecidedTrack(tracks.get(1), second), new DecidedTrack(tracks.get(2), third)));

        assertThat(owners.of(tracks.get(1))).contains("unknown-2");
        assertThat(owners.of(tracks.get(2))).isEmpty();
    }

    /** Faces far apart in one sample, each encoded far from the others: one track each. */
    private static List<FaceTrack> tracks(int count) {
        FaceTracker tracker = new FaceTracker(TrackingOptions.defaults(0.6));
        List<FaceBox> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boxes.add(new FaceBox(i * 300, 10, 60, 60));
        }
        tracker.step(0, 0.0, boxes, index -> {
            double[] encoding = new double[128];
            encoding[index] = 1;
            return new FaceObservation(encoding, boxes.get(index), 0, 0.0, 0.9);
        });
        return tracker.tracks();
    }

    private static FaceVerdict verdict(String name, FaceTrack track) {
        return new FaceVerdict(name, name == null ? "no one within tolerance" : "matched", null,
                track.bestViews().get(0), 1, 0);
    }
}
