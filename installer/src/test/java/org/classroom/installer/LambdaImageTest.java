package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the function's Dockerfile (Debian has no hadolint, so its main rules are checked here) and runs
 * its build step on the host: no Docker engine runs on this machine.
 */
class LambdaImageTest {

    private final List<String> lines = Templates.text("lambda/Dockerfile").lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

    @Test
    void baseImageIsAwsJavaLambdaWithAPinnedTag() {
        String from = lines.get(0);
        assertThat(from).startsWith("FROM ").doesNotContain(":latest");
        assertThat(from).matches("FROM amazon/aws-lambda-java:17(\\.\\d+)*");
    }

    @Test
    void followsTheLinterRules() {
        String joined = String.join("\n", lines);
        assertThat(joined).doesNotContain("ADD ");                   // DL3020: COPY for local files
        assertThat(joined).doesNotContain("apt-get", "yum install");  // no package managers on the base image
        assertThat(joined).doesNotContain("sudo ");                   // DL3004
        assertThat(joined).doesNotContain("cd ");                     // DL3003: WORKDIR, not cd
        String cmd = lines.stream().filter(line -> line.startsWith("CMD")).findFirst().orElseThrow();
        assertThat(cmd).matches("CMD \\[\".+\"\\]");                 // DL3025: exec (JSON) form
    }

    @Test
    void handlerAndBuildStepClassesExist() throws Exception {
        String text = Templates.text("lambda/Dockerfile");
        Matcher handler = Pattern.compile("CMD \\[\"([\\w.]+)::(\\w+)\"\\]").matcher(text);
        assertThat(handler.find()).isTrue();
        assertThat(Class.forName(handler.group(1)).getMethods())
                .anyMatch(method -> method.getName().equals(handler.group(2)));
        assertThat(text).contains("org.classroom.function.NativeCache");
        Class.forName("org.classroom.function.NativeCache");
    }

    @Test
    void theColdStartRecordedForTheClassArchiveMakesTheRuntimeWithoutNetworkAndTheImageUsesThatArchive(@TempDir Path cache)
            throws Exception {
        String text = Templates.text("lambda/Dockerfile");
        Matcher recorded = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)").matcher(text);
        assertThat(recorded.find()).isTrue();
        assertThat(text).contains("org.classroom.function.ColdStart", "-XX:SharedArchiveFile=" + recorded.group(1));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Dorg.bytedeco.javacpp.cachedir=" + cache,
                "-cp", System.getProperty("java.class.path"), "org.classroom.function.ColdStart")
                .redirectErrorStream(true);
        builder.environment().put("CLASSROOM_ENDPOINT", "http://127.0.0.1:9");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("cold start: runtime ready in \\d+ ms, JVM up \\d+ ms");
    }

    @Test
    void buildStepUnpacksTheNativesIntoTheCacheFolder(@TempDir Path cache) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path onnxRuntime = cache.resolve("onnxruntime");
        Process process = new ProcessBuilder(java.toString(), "-Dorg.bytedeco.javacpp.cachedir=" + cache,
                "-Donnxruntime.native.path=" + onnxRuntime, "-cp", System.getProperty("java.class.path"), "org.classroom.function.NativeCache")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        try (Stream<Path> files = Files.walk(cache)) {
            List<String> names = files.map(path -> path.getFileName().toString()).toList();
            assertThat(names).anyMatch(name -> name.startsWith("libopencv_dnn"))
                    .anyMatch(name -> name.startsWith("libavformat"));
        }
        assertThat(onnxRuntime.resolve("libonnxruntime.so")).isNotEmptyFile();
        assertThat(onnxRuntime.resolve("libonnxruntime4j_jni.so")).isNotEmptyFile();
        assertThat(Templates.text("lambda/Dockerfile")).contains("-Donnxruntime.native.path=/opt/onnxruntime");
    }
}
