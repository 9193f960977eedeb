package org.classroom.localcloud.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what on the local cloud: each access key id names a principal, each principal has the
 * statements the CloudFormation template gives its role or policy. Evaluated as IAM does for one
 * identity policy: an explicit Deny wins, then any Allow, else the implicit deny.
 */
public final class AccessPolicies {

    /** The principal that may do everything: provisioning, the operator at the AWS CLI. */
    public static final String ADMIN = "admin";
    /** The key {@code serve} prints for the user's own clients; it acts as the administrator. */
    public static final String USER_KEY = "local";

    private final Map<String, List<Statement>> byPrincipal;

    public AccessPolicies(Map<String, List<Statement>> byPrincipal) {
        this.byPrincipal = Map.copyOf(byPrincipal);
    }

    /** The principal an access key id stands for, if it stands for one. */
    public Optional<String> principalOf(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        if (accessKeyId.equals(ADMIN) || accessKeyId.equals(USER_KEY)) {
            return Optional.of(ADMIN);
        }
        return byPrincipal.containsKey(accessKeyId) ? Optional.of(accessKeyId) : Optional.empty();
    }

    /** A principal's statements as the template gives them (empty for an unknown one). */
    public List<Statement> statements(String principal) {
        return byPrincipal.getOrDefault(principal, List.of());
    }

    public Set<String> principals() {
        return byPrincipal.keySet();
    }

    public boolean allows(String principal, String action, String resource) {
        if (ADMIN.equals(principal)) {
            return true;
        }
        List<Statement> statements = byPrincipal.getOrDefault(principal, List.of());
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.covers(action, resource)) {
                if (!statement.allow()) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }
}
