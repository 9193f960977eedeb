package org.classroom.face.engine;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.Appearance;
import org.classroom.face.track.AppearanceMerger.DecidedTrack;
import org.classroom.face.track.AppearanceMerger.Person;
import org.classroom.face.track.FaceTrack;

/**
 * Which person of the result each track became, by the label the evidence uses (gallery name, or
 * {@code unknown-N}). A named track is its name's person. An unknown track is the unknown person whose best view
 * it gave, or else the one unknown person whose appearances cover it; when two strangers were on screen together
 * and the track gave neither's best view, it is left out rather than guessed.
 */
final class TrackOwners {

    private final Map<FaceTrack, String> owners = new IdentityHashMap<>();

    TrackOwners(List<Person> people, List<DecidedTrack> decided) {
        for (DecidedTrack track : decided) {
            ownerOf(track, people).ifPresent(label -> owners.put(track.track(), label));
        }
    }

    Optional<String> of(FaceTrack track) {
        return Optional.ofNullable(owners.get(track));
    }

    private static Optional<String> ownerOf(DecidedTrack track, List<Person> people) {
        if (track.verdict().named()) {
            return people.stream().anyMatch(person -> track.verdict().name().equals(person.name()))
                    ? Optional.of(track.verdict().name()) : Optional.empty();
        }
        String covering = null;
        int coveringCount = 0;
        int unknown = 0;
        for (Person person : people) {
            if (person.named()) {
                continue;
            }
            String label = EvidenceKeys.unknownPerson(++unknown);
            if (person.best() == track.verdict()) {
                return Optional.of(label);
            }
            if (covers(person.appearances(), track.track())) {
                covering = label;
                coveringCount++;
            }
        }
        return coveringCount == 1 ? Optional.of(covering) : Optional.empty();
    }

    private static boolean covers(List<Appearance> appearances, FaceTrack track) {
        for (Appearance appearance : appearances) {
            if (appearance.from() <= track.firstSeconds() + 1e-3 && track.lastSeconds() - 1e-3 <= appearance.to()) {
                return true;
            }
        }
        return false;
    }
}
