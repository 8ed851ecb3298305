// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.FullRefreshNames;
import dev.dbtrescue.graph.plan.PlanDiff;
import dev.dbtrescue.graph.plan.PlanFormats;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.plan.RescuePresets.StaleCriteria;
import dev.dbtrescue.graph.plan.SplitMode;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.status.LoadedProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbt-rescue plan}: a preset or a selector, split into dependency-ordered batches, each a ready dbt command.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Split what needs rebuilding (a preset or any dbt selector) into dependency-ordered batches under"
                + " a size and time budget, each a ready dbt command.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the plan was written (possibly empty)", "2:an input or an option is wrong (see message)"})
public final class PlanCommand implements Callable<Integer> {

    private static final List<String> PRESETS = List.of("failed", "modified", "stale");
    private static final List<String> STALE_PARTS = List.of("fresher", "freshness", "age", "parents");

    @Option(
            names = "--project",
            required = true,
            paramLabel = "DIR",
            description = "dbt project folder; reads DIR/target/{manifest,run_results,sources}.json.")
    Path project;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "Production artifacts to compare against (manifest.json for the modified preset and"
                    + " state:; sources.json for source_status:) and to defer to with --defer.")
    Path state;

    @Option(
            names = "--history",
            arity = "1..*",
            paramLabel = "FILE",
            description = "More run_results.json files from earlier runs: their times improve the estimates and"
                    + " their results merge into the status.")
    List<Path> history = new ArrayList<>();

    /** Where the nodes come from. */
    static final class What {
        @Option(
                names = "--preset",
                paramLabel = "NAME",
                description = "failed (errors, failures, skips + downstream), modified (state:modified+, needs"
                        + " --state) or stale (see --stale-parts).")
        String preset;

        @Option(
                names = {"-s", "--select"},
                arity = "1..*",
                paramLabel = "SELECTOR",
                description = "Any dbt selector.")
        List<String> select;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what;

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "dbt selectors to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--indirect-selection",
            defaultValue = "eager",
            paramLabel = "MODE",
            description = "How --select picks tests: eager, cautious, buildable or empty (default ${DEFAULT-VALUE}).")
    String indirectSelection;

    @Option(names = "--max-nodes", paramLabel = "N", description = "At most N nodes per batch (tests travel free).")
    Integer maxNodes;

    @Option(
            names = "--max-minutes",
            paramLabel = "M",
            description = "At most M estimated minutes per batch (decimals allowed).")
    Double maxMinutes;

    @Option(
            names = "--split",
            defaultValue = "lineage",
            paramLabel = "MODE",
            description = "waves, lineage, folder, tag or group (default ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--full-refresh",
            arity = "1..*",
            paramLabel = "NODE",
            description = "Rebuild these nodes (name, unique_id or fqn) with --full-refresh, each in its own batch.")
    List<String> fullRefresh = new ArrayList<>();

    @Option(
            names = "--heavy-minutes",
            defaultValue = "30",
            paramLabel = "M",
            description = "A node estimated at M minutes or more runs alone, flagged heavy; 0 turns this off (default"
                    + " ${DEFAULT-VALUE}).")
    double heavyMinutes;

    @Option(
            names = "--command",
            defaultValue = "build",
            paramLabel = "CMD",
            description = "The dbt command of each batch: build, run, test, seed or snapshot (default"
                    + " ${DEFAULT-VALUE}).")
    String command;

    @Option(names = "--threads", paramLabel = "N", description = "dbt --threads for every batch, and the estimates.")
    Integer threads;

    @Option(names = "--target", paramLabel = "NAME", description = "dbt --target for every batch.")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "dbt --vars for every batch.")
    String vars;

    @Option(names = "--defer", description = "Add --defer --state DIR (the --state folder) to every batch.")
    boolean defer;

    @Option(names = "--favor-state", description = "With --defer, also add --favor-state.")
    boolean favorState;

    @Option(
            names = "--dbt",
            defaultValue = "dbt",
            paramLabel = "EXECUTABLE",
            description = "The dbt executable the commands name (default ${DEFAULT-VALUE}).")
    String dbt;

    @Option(
            names = "--stale-parts",
            split = ",",
            paramLabel = "PART",
            description = "Parts of the stale preset: fresher (sources with data newer than their consumers' last"
                    + " build), freshness (freshness warn/error), age (last success older than --stale-hours),"
                    + " parents (a parent rebuilt since). Default: all.")
    List<String> staleParts = new ArrayList<>(STALE_PARTS);

    @Option(
            names = "--stale-hours",
            defaultValue = "24",
            paramLabel = "H",
            description = "For the stale preset's age part (default ${DEFAULT-VALUE}).")
    double staleHours;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text, json, markdown or shell (default ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the plan to FILE instead of standard output.")
    Path output;

    @Option(
            names = "--diff",
            paramLabel = "PLAN",
            description = "A saved plan (JSON) to compare with: prints what changed after the plan.")
    Path diff;

    @Option(
            names = "--now",
            hidden = true,
            paramLabel = "INSTANT",
            description = "The moment ages are measured against (tests).")
    Instant now;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!List.of("text", "json", "markdown", "shell").contains(format)) {
                throw new PlanningException("--format must be text, json, markdown or shell, not '" + format + "'"
                        + suggestion(format, List.of("text", "json", "markdown", "shell")));
            }
            Made made = make();
            RerunPlan plan = made.plan();
            PresetSelection selection = made.selection();
            RerunPlan older = diff == null ? null : PlanJson.read(diff.toString(), readText(diff));
            String rendered = switch (format) {
                case "json" -> PlanJson.write(plan);
                case "markdown" -> PlanFormats.markdown(plan);
                case "shell" ->
                    PlanFormats.shell(plan, Optional.of(project.toAbsolutePath().toString()));
                default -> PlanFormats.text(plan) + reasons(selection);
            };
            if (output != null) {
                write(output, rendered);
                err.println("dbt-rescue: wrote " + plan.batches().size() + " batches (" + plan.nodeCount()
                        + " nodes) to " + output);
            } else {
                out.print(rendered);
            }
            if (older != null) {
                (output != null ? out : err).print(PlanDiff.between(older, plan).describe());
            }
            return ExitCodes.OK;
        } catch (ArtifactException | PlanningException | IllegalArgumentException e) {
            err.println("dbt-rescue: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A plan with what it was made from. */
    record Made(RerunPlan plan, LoadedProject loaded, PresetSelection selection) {}

    /**
     * Makes the plan the options describe, from the project's artifacts (shared with {@code run}, which takes the
     * same options).
     */
    Made make() throws ArtifactException, PlanningException {
        if (what == null) {
            throw new PlanningException("Say what to rebuild: --preset failed|modified|stale or --select SELECTOR.");
        }
        PlanOptions options = options();
        IndirectSelection mode = IndirectSelection.fromDbt(indirectSelection)
                .orElseThrow(() -> new PlanningException("--indirect-selection must be eager, cautious,"
                        + " buildable or empty, not '" + indirectSelection + "'"));
        LoadedProject loaded = load();
        SelectionState selectionState = StateFolder.read(state, loaded.artifacts());
        ExactSelectors selectors = ExactSelectors.of(loaded.graph());
        RescuePresets presets = new RescuePresets(loaded, selectors, selectionState);
        PresetSelection selection = selection(presets, mode);
        options = options.withFullRefresh(FullRefreshNames.resolveAll(loaded.graph(), fullRefresh, "--full-refresh"));
        if (defer) {
            options = options.withDefer(state.toAbsolutePath().normalize().toString(), favorState);
        }
        RerunPlanner planner = new RerunPlanner(
                selectors, DurationEstimator.fromHistory(loaded.artifacts().runResults()));
        var metadata = loaded.artifacts().manifest().metadata();
        RerunPlan plan = planner.plan(
                selection.nodes(),
                options,
                new PlanSource(
                        loaded.artifacts().manifest().projectName(),
                        metadata.generatedAt().map(Instant::toString).orElse("unknown"),
                        metadata.dbtVersion(),
                        selection.preset().cliName(),
                        selection.select(),
                        selection.exclude(),
                        Optional.ofNullable(state).map(Path::toString)));
        return new Made(withPresetWarnings(plan, selection), loaded, selection);
    }

    private PlanOptions options() throws PlanningException {
        PlanOptions options = PlanOptions.defaults().withExecutable(dbt);
        DbtVerb verb = DbtVerb.fromDbt(command)
                .orElseThrow(() -> new PlanningException("--command must be build, run, test, seed or snapshot, not '"
                        + command + "'" + suggestion(command, List.of("build", "run", "test", "seed", "snapshot"))));
        SplitMode mode = SplitMode.fromCli(split)
                .orElseThrow(() -> new PlanningException("--split must be waves, lineage, folder, tag or group, not '"
                        + split + "'" + suggestion(split, List.of("waves", "lineage", "folder", "tag", "group"))));
        options = options.withVerb(verb).withSplit(mode);
        if (maxNodes != null) {
            if (maxNodes < 1) {
                throw new PlanningException(
                        "--max-nodes must be 1 or more, was " + maxNodes + ": a batch runs at least one node.");
            }
            options = options.withMaxNodes(maxNodes);
        }
        if (maxMinutes != null) {
            options = options.withMaxDuration(minutes("--max-minutes", maxMinutes));
        }
        if (heavyMinutes != 0) {
            options = options.withHeavyThreshold(minutes("--heavy-minutes", heavyMinutes));
        }
        if (threads != null) {
            if (threads < 1) {
                throw new PlanningException("--threads must be 1 or more, was " + threads + ".");
            }
            options = options.withThreads(threads);
        }
        if (target != null) {
            options = options.withTarget(target);
        }
        if (vars != null) {
            options = options.withVars(vars);
        }
        if (defer && state == null) {
            throw new PlanningException("--defer needs --state DIR: the production artifacts to defer to.");
        }
        if (favorState && !defer) {
            throw new PlanningException("--favor-state only applies with --defer.");
        }
        return options;
    }

    private static Duration minutes(String option, double value) throws PlanningException {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new PlanningException(option + " must be more than 0 minutes, was " + value + ".");
        }
        return Duration.ofNanos(Math.round(value * 60e9));
    }

    private LoadedProject load() throws ArtifactException {
        ProjectArtifacts artifacts = new ArtifactLoader().loadProject(project, history);
        return LoadedProject.of(artifacts, now == null ? Instant.now() : now);
    }

    private PresetSelection selection(RescuePresets presets, IndirectSelection mode) throws PlanningException {
        if (what.select != null) {
            return presets.select(what.select, exclude, mode);
        }
        String name = what.preset.strip().toLowerCase(Locale.ROOT);
        PresetSelection chosen = switch (name) {
            case "failed" -> presets.failed();
            case "modified" -> presets.modified();
            case "stale" -> presets.stale(staleCriteria());
            default ->
                throw new PlanningException("--preset '" + what.preset + "' is not a preset: use failed, modified or"
                        + " stale" + suggestion(name, PRESETS) + ", or give a selector with --select.");
        };
        return presets.narrow(chosen, exclude, mode);
    }

    private StaleCriteria staleCriteria() throws PlanningException {
        List<String> parts = new ArrayList<>();
        for (String part : staleParts) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (!STALE_PARTS.contains(p)) {
                throw new PlanningException("--stale-parts: '" + part + "' is not a part of the stale preset: use "
                        + String.join(", ", STALE_PARTS) + suggestion(p, STALE_PARTS) + ".");
            }
            parts.add(p);
        }
        Optional<Duration> age = Optional.empty();
        if (parts.contains("age")) {
            age = Optional.of(minutes("--stale-hours", staleHours * 60));
        }
        return new StaleCriteria(
                parts.contains("fresher"), parts.contains("freshness"), age, parts.contains("parents"));
    }

    private static String suggestion(String word, List<String> candidates) {
        return SelectorParser.closest(word, candidates)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }

    private static RerunPlan withPresetWarnings(RerunPlan plan, PresetSelection selection) {
        if (selection.warnings().isEmpty()) {
            return plan;
        }
        return new RerunPlan(
                plan.source(),
                plan.options(),
                plan.estimateThreads(),
                plan.batches(),
                plan.criticalPath(),
                plan.notRun(),
                concat(selection.warnings(), plan.warnings()));
    }

    private static String reasons(PresetSelection selection) {
        if (selection.reasons().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nWhy (each brings its downstream):\n");
        for (Map.Entry<NodeId, List<String>> e : selection.reasons().entrySet()) {
            out.append("  ")
                    .append(e.getKey())
                    .append(": ")
                    .append(String.join("; ", e.getValue()))
                    .append('\n');
        }
        return out.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void write(Path file, String text) throws PlanningException {
        try {
            OutputFiles.write(file, text);
        } catch (IOException e) {
            throw new PlanningException("-o " + file + ": cannot write ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose a writable path.");
        }
    }

    private static String readText(Path file) throws PlanningException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanningException("--diff " + file + ": no such file; pass a plan saved with --format json.");
        } catch (IOException e) {
            throw new PlanningException("--diff " + file + ": cannot read (" + e.getMessage() + ").");
        }
    }
}
