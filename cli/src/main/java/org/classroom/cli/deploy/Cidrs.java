package org.classroom.cli.deploy;

import java.util.Set;
import org.classroom.cli.support.UserError;

/** The operator's address range: checked here so that a typo never opens the cloud to everyone. */
final class Cidrs {

    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private Cidrs() {
    }

    /** The CIDR, if it is an IPv4 range narrower than the whole internet. */
    static String operator(String cidr) {
        if (cidr == null) {
            return null;
        }
        if (WORLD.contains(cidr.strip())) {
            throw new UserError("--operator-cidr " + cidr + " would let the whole internet in; give your own address, "
                    + "e.g. $(curl -s https://checkip.amazonaws.com)/32");
        }
        if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            throw new UserError("--operator-cidr must be an IPv4 range such as 203.0.113.7/32, not " + cidr);
        }
        return cidr;
    }
}
