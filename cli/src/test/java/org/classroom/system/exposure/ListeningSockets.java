package org.classroom.system.exposure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets this process listens on, read from Linux's /proc: address (hex, as the kernel writes it) and port. */
final class ListeningSockets {

    /** One listening socket; {@code loopback} when only this machine can reach it. */
    record Socket(String family, String address, int port, boolean loopback) {
    }

    private ListeningSockets() {
    }

    static List<Socket> ofThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // an fd closed while listing: not a listener of interest
                }
            }
        }
        List<Socket> sockets = new ArrayList<>();
        read("tcp", Path.of("/proc/self/net/tcp"), inodes, sockets);
        read("tcp6", Path.of("/proc/self/net/tcp6"), inodes, sockets);
        return sockets;
    }

    private static void read(String family, Path table, Set<String> inodes, List<Socket> into) throws IOException {
        if (!Files.exists(table)) {
            return;
        }
        for (String line : Files.readAllLines(table).stream().skip(1).toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[3].equals("0A") || !inodes.contains(fields[9])) {
                continue; // 0A: LISTEN
            }
            String[] local = fields[1].split(":");
            into.add(new Socket(family, local[0], Integer.parseInt(local[1], 16), loopback(local[0])));
        }
    }

    private static boolean loopback(String hex) {
        return switch (hex.length()) {
            case 8 -> hex.endsWith("7F"); // 127.x.y.z, little-endian
            case 32 -> hex.equals("00000000000000000000000001000000") // ::1
                    || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F")); // ::ffff:127.x.y.z
            default -> false;
        };
    }
}
