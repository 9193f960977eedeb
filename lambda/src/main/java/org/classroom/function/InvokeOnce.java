package org.classroom.function;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The function once, in a process of its own, as a container would run one invocation: the event (the first
 * argument, else standard input) through the handler, against the cloud the environment names
 * ({@code CLASSROOM_ENDPOINT} for the local one). Prints the answer, then the process's peak resident memory
 * ({@code VmHWM}), so that the function's memory is measured apart from the local cloud, which runs in another
 * process. For example {@code {"bucket": "lectures", "key": "lecture60.mp4"}}.
 */
public final class InvokeOnce {

    private InvokeOnce() {
    }

    public static void main(String[] args) throws IOException {
        byte[] event = args.length > 0 ? args[0].getBytes(StandardCharsets.UTF_8) : System.in.readAllBytes();
        long start = System.nanoTime();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (FunctionRuntime runtime = FunctionRuntime.fromEnvironment()) {
            new RecogniseHandler(runtime).handleRequest(new ByteArrayInputStream(event), answer, null);
        }
        System.out.println(answer.toString(StandardCharsets.UTF_8));
        System.out.printf("invocation: %.1f s, peak resident memory (VmHWM) %s%n", (System.nanoTime() - start) / 1e9,
                peakResident().orElse("unknown (no /proc/self/status)"));
    }

    private static Optional<String> peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
