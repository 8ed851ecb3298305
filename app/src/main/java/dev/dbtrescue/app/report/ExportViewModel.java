// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.app.lineage.NodeSelection;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.journal.Journal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.jspecify.annotations.Nullable;

/**
 * Exports the incident from the window, as {@code dbt-rescue report} does headless: the selection's subgraph (or,
 * with nothing selected, the failures and everything downstream) as SVG or PNG, and the triage report as Markdown or
 * one HTML file, with the project's run journals. The work runs off the FX thread. Call it on the FX thread.
 */
public final class ExportViewModel {

    /** What can be exported. */
    public enum Kind {
        SVG("svg"),
        PNG("png"),
        MARKDOWN("md"),
        HTML("html");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final DoubleProperty pngScale = new SimpleDoubleProperty(this, "pngScale", 2);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private @Nullable ProjectSession session;
    private NodeSelection selection = NodeSelection.NONE;
    private Supplier<List<Path>> journals = List::of;

    public ExportViewModel(Executor background, Executor fx, Clock clock) {
        this.background = background;
        this.fx = fx;
        this.clock = clock;
    }

    /** The PNG's scale: 1 is one pixel per layout unit; up to 8. */
    public DoubleProperty pngScaleProperty() {
        return pngScale;
    }

    /** True while an export is written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last export wrote. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last export failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The project to export. */
    public void setSession(@Nullable ProjectSession newSession) {
        session = newSession;
    }

    /** The selection whose subgraph the picture shows; empty for the failures and their downstream. */
    public void setSelection(NodeSelection newSelection) {
        selection = newSelection;
    }

    /** The run journals of the project, whose recovery commands the report lists. */
    public void setJournals(Supplier<List<Path>> source) {
        journals = source;
    }

    /** Writes one export; completes on the FX thread with whether it was written. */
    public CompletableFuture<Boolean> export(Kind kind, Path file) {
        ProjectSession s = session;
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (s == null) {
            error.set("Open a project first.");
            done.complete(false);
            return done;
        }
        NodeSelection chosen = selection;
        List<Path> journalFiles = journals.get();
        double scale = pngScale.get();
        Instant now = clock.instant();
        busy.set(true);
        error.set("");
        CompletableFuture.supplyAsync(() -> write(s, chosen, journalFiles, kind, file, scale, now), background)
                .whenCompleteAsync(
                        (text, failure) -> {
                            busy.set(false);
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                error.set(cause.getMessage());
                                done.complete(false);
                            } else {
                                message.set(text);
                                done.complete(true);
                            }
                        },
                        fx);
        return done;
    }

    /**
     * The runs made for the shown incident, oldest first: those whose dbt invocations are among the loaded results,
     * and those started after the newest loaded results that are not theirs (a run still under way, or one whose
     * artifacts were not read back). Runs of earlier incidents of the project are left out.
     */
    static List<Journal> incidentRuns(LoadedProject project, List<Path> journalFiles) throws RunnerException {
        Set<String> loaded = new HashSet<>();
        project.artifacts().runResults().forEach(r -> loaded.add(r.invocationId()));
        List<Journal> all = new ArrayList<>();
        for (Path file : journalFiles) {
            all.add(Journal.read(file));
        }
        Set<String> ours = new HashSet<>();
        all.forEach(j -> j.attempts().forEach(a -> a.invocationId().ifPresent(ours::add)));
        Optional<Instant> incidentAt = project.artifacts().runResults().stream()
                .filter(r -> !ours.contains(r.invocationId()))
                .map(r -> r.metadata().generatedAt())
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        List<Journal> kept = new ArrayList<>();
        for (Journal journal : all) {
            boolean merged = journal.attempts().stream()
                    .anyMatch(a -> a.invocationId().filter(loaded::contains).isPresent());
            boolean later = incidentAt.isPresent()
                    && journal.attempts().stream()
                            .map(Journal.Attempt::startedAt)
                            .flatMap(Optional::stream)
                            .anyMatch(t -> !t.isBefore(incidentAt.get()));
            if (merged || later || incidentAt.isEmpty()) {
                kept.add(journal);
            }
        }
        kept.sort(Comparator.comparing(j -> j.attempts().stream()
                .map(Journal.Attempt::startedAt)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Instant.MAX)));
        return List.copyOf(kept);
    }

    private static String write(
            ProjectSession s,
            NodeSelection chosen,
            List<Path> journalFiles,
            Kind kind,
            Path file,
            double scale,
            Instant now) {
        try {
            LineageGraph graph = s.project().graph();
            List<Journal> runs = incidentRuns(s.project(), journalFiles);
            List<NodeId> nodes = new ArrayList<>();
            String shown;
            if (chosen.isEmpty()) {
                PresetSelection failed = s.presets().failed();
                if (failed.nodes().isEmpty()) {
                    // repaired already: show the incident's failures and downstream, coloured as they are now
                    Optional<LoadedProject> before = IncidentBaseline.before(s.project(), runs, now);
                    if (before.isPresent()) {
                        failed = new RescuePresets(before.get(), s.selectors(), s.state()).failed();
                    }
                }
                nodes.addAll(failed.nodes());
                shown = failed.select().isEmpty() ? "nothing (no failures)" : "--select " + failed.select();
            } else {
                BitSet bits = chosen.nodes();
                for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                    nodes.add(graph.nodeAt(i).id());
                }
                shown = chosen.arguments().isEmpty() ? nodes.size() + " selected nodes" : chosen.arguments();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            IncidentPicture picture = IncidentPicture.of(
                    s.project().status(),
                    nodes,
                    IncidentPicture.title(s.project()),
                    IncidentPicture.subtitle(s.project(), shown, now));
            switch (kind) {
                case SVG -> Files.writeString(file, SvgPicture.write(picture), StandardCharsets.UTF_8);
                case PNG -> PngPicture.write(picture, scale, file);
                case MARKDOWN, HTML -> {
                    IncidentReport report = IncidentReport.of(s.project(), s.analysis(), runs, shown, now);
                    Files.writeString(
                            file,
                            kind == Kind.HTML
                                    ? report.html(Optional.of(SvgPicture.write(picture)))
                                    : report.markdown(Optional.empty()),
                            StandardCharsets.UTF_8);
                }
            }
            return "Wrote the " + kind.name().toLowerCase(Locale.ROOT) + " export ("
                    + picture.boxes().size() + " nodes) to " + file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file + ": " + e.getMessage(), e);
        } catch (PlanningException | RunnerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
