package org.classroom.localcloud.edge;

import java.util.Locale;
import java.util.Optional;

/**
 * Which {@code Host} headers the edge answers: this machine's loopback names only. A web page the user
 * visits can make the browser send requests to 127.0.0.1 by DNS rebinding, but the browser then names
 * the attacker's domain in {@code Host}; refusing every other name keeps such a page out.
 */
public final class LocalHost {

    private LocalHost() {
    }

    public static boolean allows(Optional<String> hostHeader) {
        if (hostHeader.isEmpty()) {
            return false;
        }
        String host = hostHeader.get().trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && host.substring(1, end).equals("::1");
        }
        int colon = host.lastIndexOf(':');
        String name = colon >= 0 ? host.substring(0, colon) : host;
        // *.localhost resolves to loopback by definition (RFC 6761): S3 clients that put the bucket in the name use it.
        return name.equals("127.0.0.1") || name.equals("localhost") || name.endsWith(".localhost");
    }
}
