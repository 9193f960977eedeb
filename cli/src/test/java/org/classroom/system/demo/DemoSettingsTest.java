package org.classroom.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.results.ResultsTable;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.ObjectUploader;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code demo --set ...} was given reaches the desktop it opens, over what the user saved before. */
class DemoSettingsTest {

    @Test
    void namesGivenToTheDemoReachTheDesktopAndItsUploadsGoThere(@TempDir Path folder) throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        // As `demo --set input.bucket=lectures-in --set results.table=term-results` loads them.
        ClassroomConfig given = new ConfigLoader(Map.of(), folder.resolve("none.properties"))
                .load(Map.of("input.bucket", "lectures-in", "results.table", "term-results"));
        // The user's own saved settings name other buckets: the demo's must win for its run.
        Path saved = Files.writeString(folder.resolve("config.properties"),
                "input.bucket=classroom-input\nresults.table=classroom-results\nrelay.url=http://192.0.2.1:8080\n");

        try (LocalSystem system = LocalSystem.start(given, LocalSystemOptions.ephemeral(samples, folder.resolve("results")))) {
            Map<String, String> flags = DemoSystem.settingsOf(system.config());
            ClassroomConfig desktop = new SettingsStore(new ConfigLoader(Map.of(), saved), flags).load();

            assertThat(desktop.inputBucket()).isEqualTo("lectures-in");
            assertThat(desktop.resultsTable()).isEqualTo("term-results");
            assertThat(desktop.endpoint()).isEqualTo(system.cloud().endpoint());
            assertThat(desktop.relayUrl()).isEqualTo(system.relay().apiUrl());
            assertThat(desktop.relayToken()).isEqualTo(system.config().relayToken());

            try (ObjectUploader uploader = new AwsBackend().uploader(desktop)) {
                assertThat(uploader.destination()).isEqualTo("s3://lectures-in");
                uploader.start(samples.resolve("videos/test_4.mp4"), "test_4.mp4", bytes -> { }).done().get(1, TimeUnit.MINUTES);
            }
            ResultsTable results = new ResultsTable(new AwsClients(desktop).dynamoDb(), desktop.resultsTable());
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> results.get("test_4.mp4").isPresent());
            assertThat(results.get("test_4.mp4")).hasValueSatisfying(result ->
                    assertThat(result.people()).extracting(person -> person.name()).containsExactly("johnny_dep"));
        }
    }
}
