// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.plan;

import dev.dbtrescue.app.common.LatestRequest;
import dev.dbtrescue.app.lineage.NodeSelection;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.settings.PlanDefaults;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.plan.Batch;
import dev.dbtrescue.graph.plan.BatchFlag;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.FullRefreshNames;
import dev.dbtrescue.graph.plan.PlanFormats;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.PlannedNode;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.plan.SplitMode;
import dev.dbtrescue.graph.status.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The plan panel's state: constraints, the batches the planner makes of the current selection (made again off the FX
 * thread whenever the selection or a constraint changes, newest request winning), hand edits that keep dependency
 * order, and the plan's files. Call it on the FX thread.
 */
public final class PlanViewModel {

    /** The split modes, as the plan panel offers them (dbt-rescue's CLI names). */
    public static final List<String> SPLIT_MODES = List.of("lineage", "waves", "folder", "tag", "group");

    /** The dbt commands a plan can run. */
    public static final List<String> COMMANDS = List.of("build", "run", "test", "seed", "snapshot");

    /**
     * One batch as listed.
     *
     * @param number 1-based
     * @param nodes the batch's nodes, in run order
     * @param estimate the expected time ({@code ~} when some node has no recorded run)
     * @param flags what needs attention ({@code full refresh}, {@code heavy}, {@code over budget}), empty for none
     * @param notes one sentence per flag
     * @param command the dbt command line, ready to paste into a shell
     */
    public record BatchRow(
            int number, List<NodeRow> nodes, String estimate, String flags, List<String> notes, String command) {

        public BatchRow {
            nodes = List.copyOf(nodes);
            notes = List.copyOf(notes);
        }

        /** The line a list shows. */
        public String title() {
            long primaries = nodes.stream().filter(n -> !n.companion()).count();
            return "Batch " + number + " · " + primaries + (primaries == 1 ? " node" : " nodes")
                    + (nodes.size() > primaries ? " + " + (nodes.size() - primaries) + " tests/exposures" : "")
                    + " · " + estimate + (flags.isEmpty() ? "" : " · " + flags);
        }

        /**
         * The command as the panel shows it: whole up to {@link #PREVIEW_CHARS} characters, else cut at a space and
         * followed by how much is left out. A batch of thousands of nodes makes a command of hundreds of kilobytes,
         * which a wrapping text area takes a tenth of a second to lay out on every selection change; copying and
         * running always use {@link #command()} whole.
         */
        public String commandPreview() {
            if (command.length() <= PREVIEW_CHARS) {
                return command;
            }
            int cut = command.lastIndexOf(' ', PREVIEW_CHARS);
            if (cut <= 0) {
                cut = PREVIEW_CHARS;
            }
            return command.substring(0, cut)
                    + " …\n(" + String.format(Locale.ROOT, "%,d", command.length() - cut)
                    + " more characters: Copy command copies the whole command)";
        }

        @Override
        public String toString() {
            return title();
        }
    }

    /** The longest command the plan panel shows whole. */
    public static final int PREVIEW_CHARS = 4_000;

    /**
     * One planned node.
     *
     * @param uniqueId dbt's unique_id
     * @param name the node name
     * @param type dbt's resource type
     * @param companion a test or exposure that travels with its model
     * @param fullRefresh rebuilt with {@code --full-refresh}
     */
    public record NodeRow(String uniqueId, String name, String type, boolean companion, boolean fullRefresh) {
        @Override
        public String toString() {
            return (companion ? "    " : "") + name + " (" + type + ")" + (fullRefresh ? " · full refresh" : "");
        }
    }

    private final Executor background;
    private final Executor fx;
    private final LatestRequest planning;
    private final SettingsStore settings;

    private final IntegerProperty maxNodes = new SimpleIntegerProperty(this, "maxNodes", 0);
    private final IntegerProperty maxMinutes = new SimpleIntegerProperty(this, "maxMinutes", 0);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", 0);
    private final StringProperty split = new SimpleStringProperty(this, "split", "lineage");
    private final StringProperty command = new SimpleStringProperty(this, "command", "build");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final StringProperty vars = new SimpleStringProperty(this, "vars", "");
    private final StringProperty fullRefresh = new SimpleStringProperty(this, "fullRefresh", "");
    private final BooleanProperty defer = new SimpleBooleanProperty(this, "defer", false);
    private final ReadOnlyBooleanWrapper deferAvailable = new ReadOnlyBooleanWrapper(this, "deferAvailable");
    private final ObservableList<BatchRow> batches = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<BatchRow> batchesView = FXCollections.unmodifiableObservableList(batches);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private final ReadOnlyObjectWrapper<@Nullable RerunPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObjectProperty<Map<Integer, Integer>> batchOfNode =
            new SimpleObjectProperty<>(this, "batchOfNode", Map.of());

    private @Nullable ProjectSession session;
    private @Nullable RerunPlanner planner;
    private NodeSelection selection = NodeSelection.NONE;
    private final Duration settle;

    /** A plan panel whose default constraints live in memory only, planning a new selection at once. */
    public PlanViewModel(Executor background, Executor fx) {
        this(background, fx, SettingsStore.inMemory(), Duration.ZERO);
    }

    /**
     * A plan panel planning a new selection at once.
     *
     * @param settings where the default constraints are kept: every project opened starts from them
     */
    public PlanViewModel(Executor background, Executor fx, SettingsStore settings) {
        this(background, fx, settings, Duration.ZERO);
    }

    /**
     * @param settings where the default constraints are kept: every project opened starts from them
     * @param settle how long the selection must stay the same before it is planned: typing a selector or clicking
     *     through presets changes it several times a second, and each plan of thousands of nodes would take the
     *     cores the next highlight needs
     */
    public PlanViewModel(Executor background, Executor fx, SettingsStore settings, Duration settle) {
        this.settle = settle;
        this.background = background;
        this.fx = fx;
        this.planning = new LatestRequest(background, fx);
        this.settings = settings;
        applyDefaults(settings.current().planDefaults());
        ChangeListener<Object> replan = (obs, was, now) -> replan();
        maxNodes.addListener(replan);
        maxMinutes.addListener(replan);
        threads.addListener(replan);
        split.addListener(replan);
        command.addListener(replan);
        defer.addListener(replan);
    }

    /** At most this many nodes per batch (tests and exposures travel free); 0 for no limit. */
    public IntegerProperty maxNodesProperty() {
        return maxNodes;
    }

    /** At most this many estimated minutes per batch; 0 for no limit. */
    public IntegerProperty maxMinutesProperty() {
        return maxMinutes;
    }

    /** dbt's {@code --threads} for the estimates and the commands; 0 to use the last run's thread count. */
    public IntegerProperty threadsProperty() {
        return threads;
    }

    /** How batches are cut: one of {@link #SPLIT_MODES}. */
    public StringProperty splitProperty() {
        return split;
    }

    /** The dbt command: one of {@link #COMMANDS}. */
    public StringProperty commandProperty() {
        return command;
    }

    /** dbt's {@code --target}; empty for the profile's default. Applied by {@link #replan()}. */
    public StringProperty targetProperty() {
        return target;
    }

    /** dbt's {@code --vars} (YAML); empty for none. Applied by {@link #replan()}. */
    public StringProperty varsProperty() {
        return vars;
    }

    /** Nodes to rebuild with {@code --full-refresh}, by name, separated by spaces or commas. Applied by {@link #replan()}. */
    public StringProperty fullRefreshProperty() {
        return fullRefresh;
    }

    /** Adds {@code --defer --state} with the project's state folder (production), so unselected parents come from there. */
    public BooleanProperty deferProperty() {
        return defer;
    }

    /** True when a state folder is open to defer to. */
    public ReadOnlyBooleanProperty deferAvailableProperty() {
        return deferAvailable.getReadOnlyProperty();
    }

    /** The batches of the current plan. */
    public ObservableList<BatchRow> getBatches() {
        return batchesView;
    }

    /** What the user should know before running: plan warnings, heavy or over-budget batches, exposures reached. */
    public ObservableList<String> getWarnings() {
        return warningsView;
    }

    /** One line: batches, nodes, estimated time, critical path. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why no plan could be made, or why an edit was refused; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The outcome of the last file action (saved, exported, loaded). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a plan is being made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the batches were edited by hand or loaded from a file (a constraint change plans afresh). */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The current plan, null when there is none. */
    public ReadOnlyObjectProperty<@Nullable RerunPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The batch number of every planned node, by graph index, for the lineage's badges. */
    public ReadOnlyObjectProperty<Map<Integer, Integer>> batchOfNodeProperty() {
        return batchOfNode;
    }

    /** A project opened: plans are made on it from now on (the selection follows with {@link #setSelection}). */
    public void setSession(@Nullable ProjectSession newSession) {
        ProjectSession previous = session;
        session = newSession;
        planner = null;
        if (newSession != null && previous != null && !previous.origin().equals(newSession.origin())) {
            applyDefaults(settings.current().planDefaults()); // another project starts from the defaults
        }
        deferAvailable.set(newSession != null && newSession.stateOrigin().isPresent());
        if (!deferAvailable.get()) {
            defer.set(false);
        }
        if (newSession != null) {
            ProjectSession s = newSession;
            busy.set(true);
            planning.submit(
                    () -> new RerunPlanner(
                            s.selectors(),
                            DurationEstimator.fromHistory(
                                    s.project().artifacts().runResults())),
                    made -> {
                        if (session == s) {
                            planner = made;
                            busy.set(false);
                            replan();
                        }
                    },
                    failure -> fail(failure.getMessage()));
        } else {
            show(null);
        }
    }

    /**
     * Saves the current constraints (all but the full refresh names, which belong to one project) as the defaults
     * every project opened starts from; the file is written in the background.
     */
    public void saveAsDefaults() {
        PlanDefaults defaults = new PlanDefaults(
                maxNodes.get(),
                maxMinutes.get(),
                threads.get(),
                split.get(),
                command.get(),
                target.get().strip(),
                vars.get().strip(),
                defer.get());
        settings.update(s -> s.withPlanDefaults(defaults));
        message.set("Saved these constraints as the defaults every project opens with"
                + (fullRefresh.get().isBlank() ? "" : " (not the full refresh names: they belong to this project)"));
    }

    /** The default constraints, as saved. */
    public PlanDefaults defaults() {
        return settings.current().planDefaults();
    }

    private void applyDefaults(PlanDefaults defaults) {
        maxNodes.set(defaults.maxNodes());
        maxMinutes.set(defaults.maxMinutes());
        threads.set(defaults.threads());
        split.set(SPLIT_MODES.contains(defaults.split()) ? defaults.split() : PlanDefaults.STANDARD.split());
        command.set(COMMANDS.contains(defaults.command()) ? defaults.command() : PlanDefaults.STANDARD.command());
        target.set(defaults.target());
        vars.set(defaults.vars());
        fullRefresh.set("");
        defer.set(defaults.defer());
    }

    /**
     * The selection changed: plan it once it has stayed the same for the settle time (a newer selection, a replan, a
     * load or a hand edit drops the waiting plan). Busy from now on, so that the plan of the previous selection is not
     * run in the meantime.
     */
    public void setSelection(NodeSelection newSelection) {
        selection = newSelection;
        plan(settle);
    }

    /** Makes the plan again from the selection and the constraints, dropping hand edits. */
    public void replan() {
        plan(Duration.ZERO);
    }

    private void plan(Duration after) {
        ProjectSession s = session;
        RerunPlanner p = planner;
        if (s == null || p == null) {
            return; // no project, or its planner is being made: it plans the selection when it arrives
        }
        if (selection.isEmpty()) {
            planning.cancel();
            busy.set(false);
            error.set("");
            show(null);
            return;
        }
        PlanOptions options;
        try {
            options = options(s);
        } catch (PlanningException | IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        PlanSource source = source(s, selection);
        PlanOptions chosen = options;
        BitSet selected = selection.nodes();
        busy.set(true);
        LineageGraph graph = s.project().graph();
        planning.submitAfter(
                after,
                () -> {
                    try {
                        return Shown.of(graph, p.plan(ids(graph, selected), chosen, source));
                    } catch (PlanningException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                made -> {
                    busy.set(false);
                    error.set("");
                    edited.set(false);
                    show(made);
                },
                failure -> fail(failure.getMessage()));
    }

    /**
     * Moves a node to another batch (its tests and exposures stay where they are unless moved too). Refused, with the
     * reason in {@link #errorProperty()}, when dbt would then run it before one of its parents or after one of its
     * children.
     *
     * @return completes on the FX thread with true if the plan changed
     */
    public CompletableFuture<Boolean> moveNode(String uniqueId, int toBatch) {
        RerunPlan current = plan.get();
        if (current == null || toBatch < 1 || toBatch > current.batches().size()) {
            return nothing();
        }
        List<List<NodeId>> groups = groups(current);
        NodeId id = NodeId.of(uniqueId);
        groups.forEach(g -> g.remove(id));
        groups.get(toBatch - 1).add(id);
        return regroup(current, groups);
    }

    /** Merges a batch with the next one; completes with true if the plan changed. */
    public CompletableFuture<Boolean> mergeWithNext(int batch) {
        RerunPlan current = plan.get();
        if (current == null || batch < 1 || batch >= current.batches().size()) {
            return nothing();
        }
        List<List<NodeId>> groups = groups(current);
        groups.get(batch - 1).addAll(groups.remove(batch));
        return regroup(current, groups);
    }

    /**
     * Splits a batch in two before its node at {@code position} (0-based, in the batch's order); completes with true
     * if the plan changed.
     */
    public CompletableFuture<Boolean> split(int batch, int position) {
        RerunPlan current = plan.get();
        if (current == null || batch < 1 || batch > current.batches().size()) {
            return nothing();
        }
        List<List<NodeId>> groups = groups(current);
        List<NodeId> whole = groups.get(batch - 1);
        if (position <= 0 || position >= whole.size()) {
            error.set("Split batch " + batch + " at a node after its first: choose where the second part starts.");
            return nothing();
        }
        groups.set(batch - 1, new ArrayList<>(whole.subList(0, position)));
        groups.add(batch, new ArrayList<>(whole.subList(position, whole.size())));
        return regroup(current, groups);
    }

    /**
     * Moves a whole batch one place earlier ({@code -1}) or later ({@code +1}), where dependencies allow; completes
     * with true if the plan changed.
     */
    public CompletableFuture<Boolean> moveBatch(int batch, int delta) {
        RerunPlan current = plan.get();
        int to = batch + delta;
        if (current == null
                || batch < 1
                || batch > current.batches().size()
                || to < 1
                || to > current.batches().size()) {
            return nothing();
        }
        List<List<NodeId>> groups = groups(current);
        groups.add(to - 1, groups.remove(batch - 1));
        return regroup(current, groups);
    }

    /** The shell command of a batch, empty for none. */
    public String commandOf(int batch) {
        RerunPlan current = plan.get();
        if (current == null || batch < 1 || batch > current.batches().size()) {
            return "";
        }
        return current.batches().get(batch - 1).command().shell();
    }

    /** Writes the plan as JSON ({@code dbt-rescue run --plan} takes it) off the FX thread. */
    public CompletableFuture<Boolean> save(Path file) {
        RerunPlan current = plan.get();
        return current == null ? nothing() : write(file, PlanJson.write(current), "Saved the plan to ");
    }

    /** Writes the plan as a shell script that runs the batches in order and stops at the first failure. */
    public CompletableFuture<Boolean> exportShell(Path file) {
        RerunPlan current = plan.get();
        ProjectSession s = session;
        if (current == null || s == null) {
            return nothing();
        }
        Optional<String> dir = s.place().isRemote()
                ? s.place().remoteDir()
                : s.place().folder().map(Path::toString);
        return write(file, PlanFormats.shell(current, dir), "Wrote the shell script ");
    }

    /** Writes the plan as Markdown, for a ticket or the incident channel. */
    public CompletableFuture<Boolean> exportMarkdown(Path file) {
        RerunPlan current = plan.get();
        return current == null ? nothing() : write(file, PlanFormats.markdown(current), "Wrote the Markdown plan ");
    }

    /**
     * Reads a plan saved as JSON and shows it instead of the planned one; refused when it was made from another
     * manifest than the open one, or names nodes the project does not have.
     */
    public CompletableFuture<Boolean> load(Path file) {
        ProjectSession s = session;
        if (s == null) {
            return nothing();
        }
        return showEdited(
                () -> {
                    try {
                        RerunPlan read = PlanJson.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                        check(s, file, read);
                        return Shown.of(s.project().graph(), read);
                    } catch (PlanningException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(
                                "Could not read the plan " + file + ": " + e.getMessage(), e);
                    }
                },
                read -> message.set("Loaded " + read.plan().batches().size() + " batches from " + file));
    }

    private static void check(ProjectSession s, Path file, RerunPlan read) throws PlanningException {
        String manifestAt = s.project()
                .artifacts()
                .manifest()
                .metadata()
                .generatedAt()
                .map(Instant::toString)
                .orElse("unknown");
        if (!manifestAt.equals("unknown")
                && !read.source().manifestGeneratedAt().equals("unknown")
                && !read.source().manifestGeneratedAt().equals(manifestAt)) {
            throw new PlanningException("The plan " + file + " was made from a manifest generated at "
                    + read.source().manifestGeneratedAt() + ", but the open project's was generated at " + manifestAt
                    + ": the project changed since; make a new plan");
        }
        LineageGraph graph = s.project().graph();
        for (Batch batch : read.batches()) {
            for (NodeId id : batch.ids()) {
                if (!graph.contains(id)) {
                    throw new PlanningException("The plan " + file + " runs " + id + ", which the open project does"
                            + " not have: it was made for another project");
                }
            }
        }
    }

    /** Makes the edited batches in the background; a refusal leaves the plan as it was and says why. */
    private CompletableFuture<Boolean> regroup(RerunPlan current, List<List<NodeId>> groups) {
        RerunPlanner p = planner;
        ProjectSession s = session;
        if (p == null || s == null) {
            return nothing();
        }
        LineageGraph graph = s.project().graph();
        return showEdited(
                () -> {
                    try {
                        return Shown.of(graph, p.regroup(current, groups));
                    } catch (PlanningException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                changed -> {});
    }

    /**
     * Makes a plan the user chose (loaded or edited by hand) in the background and shows it as edited; a failure
     * leaves the plan as it was and says why. Completes with whether it was shown.
     */
    private CompletableFuture<Boolean> showEdited(Supplier<Shown> make, Consumer<Shown> alsoOnSuccess) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        busy.set(true);
        planning.submit(
                make,
                made -> {
                    busy.set(false);
                    error.set("");
                    show(made);
                    edited.set(true);
                    alsoOnSuccess.accept(made);
                    done.complete(true);
                },
                failure -> {
                    busy.set(false);
                    error.set(failure.getMessage());
                    done.complete(false);
                });
        return done;
    }

    private static List<List<NodeId>> groups(RerunPlan current) {
        List<List<NodeId>> out = new ArrayList<>();
        current.batches().forEach(b -> out.add(new ArrayList<>(b.ids())));
        return out;
    }

    private PlanOptions options(ProjectSession s) throws PlanningException {
        PlanOptions options = PlanOptions.defaults()
                .withVerb(DbtVerb.fromDbt(command.get()).orElse(DbtVerb.BUILD))
                .withSplit(SplitMode.fromCli(split.get()).orElse(SplitMode.LINEAGE));
        if (maxNodes.get() > 0) {
            options = options.withMaxNodes(maxNodes.get());
        }
        if (maxMinutes.get() > 0) {
            options = options.withMaxDuration(Duration.ofMinutes(maxMinutes.get()));
        }
        if (threads.get() > 0) {
            options = options.withThreads(threads.get());
        }
        if (!target.get().isBlank()) {
            options = options.withTarget(target.get().strip());
        }
        if (!vars.get().isBlank()) {
            options = options.withVars(vars.get().strip());
        }
        if (!fullRefresh.get().isBlank()) {
            options = options.withFullRefresh(
                    FullRefreshNames.resolveAll(s.project().graph(), List.of(fullRefresh.get()), "Full refresh"));
        }
        if (defer.get() && s.stateOrigin().isPresent()) {
            options = options.withDefer(s.stateOrigin().get(), false);
        }
        return options;
    }

    private static List<NodeId> ids(LineageGraph graph, BitSet nodes) {
        List<NodeId> out = new ArrayList<>(nodes.cardinality());
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            out.add(graph.nodeAt(i).id());
        }
        return out;
    }

    private static PlanSource source(ProjectSession s, NodeSelection selection) {
        var metadata = s.project().artifacts().manifest().metadata();
        return new PlanSource(
                s.project().artifacts().manifest().projectName(),
                metadata.generatedAt().map(Instant::toString).orElse("unknown"),
                metadata.dbtVersion(),
                selection.origin(),
                selection.select(),
                selection.exclude(),
                s.stateOrigin());
    }

    private void fail(String text) {
        busy.set(false);
        error.set(text);
        show(null);
    }

    private void show(@Nullable Shown made) {
        if (made == null) {
            plan.set(null);
            batches.clear();
            warnings.clear();
            summary.set("");
            batchOfNode.set(Map.of());
            return;
        }
        plan.set(made.plan());
        batches.setAll(made.rows());
        warnings.setAll(made.warnings());
        batchOfNode.set(made.batchOf());
        summary.set(made.summary());
    }

    /**
     * A plan as the panel lists it, made off the FX thread (on the 15k project a plan of 3,500 nodes has as many
     * rows, and the exposures it reaches take a walk of the graph).
     */
    private record Shown(
            RerunPlan plan, List<BatchRow> rows, List<String> warnings, Map<Integer, Integer> batchOf, String summary) {

        static Shown of(LineageGraph graph, RerunPlan made) {
            List<BatchRow> rows = new ArrayList<>();
            Map<Integer, Integer> numbers = new HashMap<>();
            List<String> notes = new ArrayList<>(made.warnings());
            for (Batch batch : made.batches()) {
                List<NodeRow> nodes = new ArrayList<>();
                for (PlannedNode node : batch.nodes()) {
                    nodes.add(new NodeRow(
                            node.id().value(),
                            node.name(),
                            node.type().dbtName(),
                            node.companion(),
                            node.fullRefresh()));
                    if (graph.contains(node.id())) {
                        numbers.put(graph.indexOf(node.id()), batch.number());
                    }
                }
                rows.add(new BatchRow(
                        batch.number(),
                        nodes,
                        (batch.hasDefaultEstimates() ? "~" : "") + Durations.format(batch.estimated()),
                        batch.flags().stream().map(PlanViewModel::flagName).collect(Collectors.joining(", ")),
                        batch.notes(),
                        batch.command().shell()));
                batch.notes().forEach(n -> notes.add("Batch " + batch.number() + ": " + n));
            }
            exposures(graph, made).ifPresent(notes::add);
            String summary = made.batches().size() + (made.batches().size() == 1 ? " batch, " : " batches, ")
                    + made.nodeCount() + " nodes, about " + Durations.format(made.estimated())
                    + (made.criticalPath().nodes().isEmpty()
                            ? ""
                            : " · critical path "
                                    + Durations.format(made.criticalPath().duration()));
            return new Shown(made, List.copyOf(rows), List.copyOf(notes), Map.copyOf(numbers), summary);
        }
    }

    /** The exposures the plan's nodes feed: rebuilding them touches dashboards and applications people use. */
    private static Optional<String> exposures(LineageGraph graph, RerunPlan made) {
        BitSet planned = new BitSet(graph.size());
        made.batches()
                .forEach(b -> b.ids().forEach(id -> {
                    if (graph.contains(id)) {
                        planned.set(graph.indexOf(id));
                    }
                }));
        BitSet below = graph.descendants(planned, LineageGraph.UNLIMITED);
        below.or(planned);
        List<String> names = new ArrayList<>();
        for (int i = below.nextSetBit(0); i >= 0; i = below.nextSetBit(i + 1)) {
            Node node = graph.nodeAt(i);
            if (node.type() == NodeType.EXPOSURE) {
                names.add(node.name());
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The blast radius reaches " + names.size() + (names.size() == 1 ? " exposure" : " exposures")
                + ": " + String.join(", ", names.stream().sorted().toList())
                + ". Their owners see the rebuilt data; tell them before you run.");
    }

    private static String flagName(BatchFlag flag) {
        return switch (flag) {
            case FULL_REFRESH -> "full refresh";
            case HEAVY -> "heavy";
            case OVER_BUDGET -> "over budget";
        };
    }

    private CompletableFuture<Boolean> write(Path file, String text, String done) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        CompletableFuture.runAsync(
                        () -> {
                            try {
                                Path parent = file.toAbsolutePath().getParent();
                                if (parent != null) {
                                    Files.createDirectories(parent);
                                }
                                Files.writeString(file, text, StandardCharsets.UTF_8);
                            } catch (IOException e) {
                                throw new IllegalArgumentException(
                                        "Could not write " + file + ": " + e.getMessage(), e);
                            }
                        },
                        background)
                .whenCompleteAsync(
                        (ignored, failure) -> {
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                error.set(cause.getMessage());
                                result.complete(false);
                            } else {
                                message.set(done + file);
                                result.complete(true);
                            }
                        },
                        fx);
        return result;
    }

    private static CompletableFuture<Boolean> nothing() {
        return CompletableFuture.completedFuture(false);
    }
}
