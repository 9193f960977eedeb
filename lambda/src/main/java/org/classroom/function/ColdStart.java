package org.classroom.function;

import java.lang.management.ManagementFactory;

/**
 * A cold start without Lambda: makes the function's runtime exactly as the first invocation of a new
 * container does (natives, the three networks, the AWS clients; no call leaves the process) and prints how
 * long that took and how long the JVM had been up. The image build runs it to record a class-data archive;
 * the benchmark runs it with and without one.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        try (FunctionRuntime runtime = FunctionRuntime.fromEnvironment()) {
            System.out.printf("cold start: runtime ready in %d ms, JVM up %d ms%n", runtime.initMillis(),
                    ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }
}
