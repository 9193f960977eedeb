package org.classroom.cli.face;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a benchmark ran on, and how much memory it took. Linux details come from /proc when present. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        String cpu = procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        String memory = procField("/proc/meminfo", "MemTotal").map(MachineInfo::kilobytesToGigabytes).orElse("?");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%s, %d cores available, %s RAM; %s %s; Java %s (%s), max heap %d MB;"
                        + " load average %.1f at the start", cpu, runtime.availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024), load);
    }

    /** Peak resident memory of this process (VmHWM) and peak heap in use, in MB. */
    static String peakMemory() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String resident = procField("/proc/self/status", "VmHWM")
                .map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024 + " MB").orElse("?");
        return String.format(Locale.ROOT, "peak resident memory %s, peak heap in use %d MB", resident,
                heap / (1024 * 1024));
    }

    /** CPU time this process has used, all threads, in nanoseconds (-1 where the JVM cannot tell). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Milliseconds since this JVM started. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static String kilobytesToGigabytes(String value) {
        long kilobytes = Long.parseLong(value.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GB", kilobytes / 1024.0 / 1024.0);
    }

    private static Optional<String> procField(String file, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
