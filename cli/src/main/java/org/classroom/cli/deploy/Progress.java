package org.classroom.cli.deploy;

import java.io.PrintWriter;

/** Numbered steps on the terminal, flushed at once, so a long deployment shows where it is. */
final class Progress {

    private final PrintWriter out;
    private final String command;
    private final int steps;
    private int step;

    Progress(PrintWriter out, String command, int steps) {
        this.out = out;
        this.command = command;
        this.steps = steps;
    }

    /** Starts the next step. */
    void step(String what) {
        step++;
        line(command + " [" + step + "/" + steps + "] " + what);
    }

    /** A detail of the current step. */
    void detail(String what) {
        line("  " + what);
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }
}
