// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunListener;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints a run's events for a terminal: batches, node results as they finish, warnings, errors, the summary. */
final class RunPrinter implements RunListener {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final PrintWriter out;

    RunPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(RunEvent event) {
        String line = switch (event) {
            case RunEvent.BatchStarted b -> "== " + b.text();
            case RunEvent.BatchFinished b ->
                "== Batch " + b.batch() + ": " + b.text() + " in " + Durations.format(b.elapsed());
            case RunEvent.BatchSkipped s -> "== " + s.text();
            case RunEvent.NodeFinished f ->
                TIME.format(f.at()) + "  " + pad(f.status().toUpperCase(Locale.ROOT))
                        + " " + (f.name().isEmpty() ? f.uniqueId() : f.resourceType() + " " + f.name())
                        + (f.executionTime().isZero() ? "" : " (" + Durations.format(f.executionTime()) + ")");
            case RunEvent.LogLine l
            when l.level() == RunEvent.Level.WARN || l.level() == RunEvent.Level.ERROR ->
                TIME.format(l.at()) + "  " + l.text();
            case RunEvent.LogLine l when l.name().equals("Runner") || l.name().equals("Retry") -> "== " + l.text();
            case RunEvent.RawLine r when r.eventName().isEmpty() && !r.text().isBlank() -> "   " + r.text();
            case RunEvent.RunFinished f -> f.text();
            default -> null;
        };
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }

    private static String pad(String status) {
        return String.format(Locale.ROOT, "%-8s", status);
    }
}
