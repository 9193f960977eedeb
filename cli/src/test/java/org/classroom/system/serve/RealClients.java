package org.classroom.system.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AWS CLI v2 and boto3 as a user has them from Debian ({@code awscli}, {@code python3-boto3}), run as
 * processes against a local endpoint with the dummy keys {@code serve} prints.
 */
final class RealClients {

    private static final String MISSING = "the real-client tests need the AWS CLI v2 and boto3: on Debian, "
            + "apt-get install awscli python3-boto3 (.ci/run installs them)";

    private final Path aws;
    private final Path python;
    private final URI endpoint;

    private RealClients(Path aws, Path python, URI endpoint) {
        this.aws = aws;
        this.python = python;
        this.endpoint = endpoint;
    }

    /** Finds both clients (Debian's first: a pyenv shim on PATH may be another AWS CLI) or fails saying how to get them. */
    static RealClients against(URI endpoint) {
        Path aws = candidates("aws").filter(RealClients::isCliV2).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING + " (no `aws` answering aws-cli/2 found)"));
        Path python = candidates("python3").filter(RealClients::hasBoto3).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING + " (no python3 that imports boto3 found)"));
        return new RealClients(aws, python, endpoint);
    }

    /** Runs {@code aws --endpoint-url ... ARGS}; fails on a non-zero exit. */
    Result aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", endpoint.toString()));
        command.addAll(List.of(args));
        return run(command, 300);
    }

    /** Runs a Python script with boto3 pointed at the endpoint through its first argument. */
    Result python(Path script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), endpoint.toString()));
        command.addAll(List.of(args));
        return run(command, timeoutSeconds);
    }

    record Result(int exitCode, String out, String err) {
        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\n" + out + "\n" + err);
            }
            return this;
        }
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("client-out", ".txt");
        Path err = Files.createTempFile("client-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("AWS_ACCESS_KEY_ID", "local");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            builder.environment().put("AWS_PAGER", "");
            builder.environment().remove("AWS_PROFILE");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Stream<Path> candidates(String name) {
        List<Path> paths = new ArrayList<>(List.of(Path.of("/usr/bin", name)));
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(":")) {
            if (!dir.isBlank()) {
                paths.add(Path.of(dir, name));
            }
        }
        return paths.stream().distinct().filter(Files::isExecutable);
    }

    private static boolean isCliV2(Path aws) {
        return quietly(List.of(aws.toString(), "--version")).startsWith("aws-cli/2");
    }

    private static boolean hasBoto3(Path python) {
        return quietly(List.of(python.toString(), "-c", "import boto3; print('boto3', boto3.__version__)")).startsWith("boto3");
    }

    private static String quietly(List<String> command) {
        try {
            Result result = run(command, 60);
            return result.exitCode() == 0 ? (result.out() + result.err()).strip() : "";
        } catch (IOException | AssertionError e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
