package org.classroom.provision;

/** Provisioning stopped; the report says what had been done before it did. */
public final class ProvisionException extends RuntimeException {

    private final transient ProvisionReport partialReport;

    public ProvisionException(String message, ProvisionReport partialReport, Throwable cause) {
        super(message, cause);
        this.partialReport = partialReport;
    }

    public ProvisionReport partialReport() {
        return partialReport;
    }
}
