package org.classroom.system.function;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;

/**
 * A test-only engine for the function's plumbing: it recognises a course clip by its bytes and answers
 * from the side file {@code expected.csv} (the person must still be in the gallery); any other file is
 * an invalid video. Enrolment answers with the person's encoding from {@code encoding.json}. It stands
 * in for the real engine only where the faces are not what a test is about.
 */
final class AnswerFileRecogniser implements VideoRecogniser {

    private final Map<String, String> personByDigest = new HashMap<>();
    private final Map<String, double[]> encodings = new HashMap<>();

    AnswerFileRecogniser(Path samples) {
        ExpectedAnswers.read(samples).values().forEach(answer ->
                personByDigest.put(digest(samples.resolve("videos").resolve(answer.video())), answer.name()));
        JsonNode gallery = FunctionCloud.readJson(samples.resolve("encoding.json"));
        for (int i = 0; i < gallery.get("names").size(); i++) {
            JsonNode values = gallery.get("encodings").get(i);
            double[] encoding = new double[values.size()];
            for (int j = 0; j < encoding.length; j++) {
                encoding[j] = values.get(j).asDouble();
            }
            encodings.put(gallery.get("names").get(i).asText(), encoding);
        }
    }

    @Override
    public VideoResult recognise(Path video, String videoName, Gallery gallery) {
        return answer(digest(video), videoName, gallery);
    }

    @Override
    public VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery) {
        return answer(digest(readWhole(video)), videoName, gallery);
    }

    private VideoResult answer(String digest, String videoName, Gallery gallery) {
        String person = personByDigest.get(digest);
        if (person == null) {
            return VideoResult.failure(videoName, ResultStatus.INVALID_VIDEO, "not one of the course clips", null);
        }
        if (!gallery.names().contains(person)) {
            return new VideoResult(videoName, ResultStatus.UNKNOWN_FACE, List.of(), 1, 1, null, null,
                    Map.of("engine", 1.0), Instant.now());
        }
        return new VideoResult(videoName, ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson(person, null, null, null, 0.4, null, 0.0)), 1, 0, null, null,
                Map.of("engine", 1.0), Instant.now());
    }

    @Override
    public double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused {
        String person = personByDigest.get(digest(photoOrClip));
        if (person == null) {
            throw EnrolmentRefused.noFace("no face found in the file");
        }
        return encodings.get(person).clone();
    }

    @Override
    public void close() {
    }

    static String digest(Path file) {
        try {
            return digest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole clip, as the real engine would never hold it: course clips are small. */
    private static byte[] readWhole(RandomAccessInput video) {
        byte[] bytes = new byte[Math.toIntExact(video.size())];
        try {
            for (int done = 0, read; done < bytes.length; done += read) {
                read = video.read(done, bytes, done, bytes.length - done);
                if (read < 0) {
                    throw new IOException("the clip ended at byte " + done + " of " + bytes.length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
