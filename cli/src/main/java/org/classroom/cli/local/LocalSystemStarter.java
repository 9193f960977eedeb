package org.classroom.cli.local;

import java.net.BindException;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.localcloud.edge.EdgeServer;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;

/** Starts the local system and turns the failures a user can fix into one line that says how. */
public final class LocalSystemStarter {

    private LocalSystemStarter() {
    }

    public static LocalSystem start(ClassroomConfig base, LocalSystemOptions options) {
        try {
            return LocalSystem.start(base, options);
        } catch (EdgeServer.PortInUseException e) {
            throw new UserError(e.getMessage() + " (another `classroom serve` or demo running? pass --port N, or 0 for any)");
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new UserError("the relay's port " + options.relayPort() + " is in use: pass --relay-port N (0 for any)");
            }
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                // e.g. the data folder is in use by another local cloud: its first line says which
                throw new UserError(String.valueOf(e.getMessage()).lines().findFirst().orElse("the local system did not start"));
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
