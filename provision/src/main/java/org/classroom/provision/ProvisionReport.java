package org.classroom.provision;

import java.util.ArrayList;
import java.util.List;

/** What provisioning did to each resource, in order; one line each. */
public final class ProvisionReport {

    /** What happened to one resource. */
    public enum Change {
        CREATED("created"),
        UPDATED("updated"),
        UNCHANGED("nothing to do"),
        NOT_SUPPORTED("not supported here");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param resource e.g. {@code bucket classroom-input}
     * @param change   what was done
     * @param detail   more words, or empty
     */
    public record Line(String resource, Change change, String detail) {

        @Override
        public String toString() {
            return resource + ": " + change.label() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    private final List<Line> lines = new ArrayList<>();

    synchronized void add(String resource, Change change, String detail) {
        lines.add(new Line(resource, change, detail));
    }

    void add(String resource, Change change) {
        add(resource, change, "");
    }

    /** The lines of several reports, in the order given. */
    static ProvisionReport concat(ProvisionReport... parts) {
        ProvisionReport all = new ProvisionReport();
        for (ProvisionReport part : parts) {
            synchronized (part) {
                all.lines.addAll(part.lines);
            }
        }
        return all;
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** True when anything was created or changed. */
    public boolean changedAnything() {
        return lines.stream().anyMatch(line -> line.change() == Change.CREATED || line.change() == Change.UPDATED);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
