// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.plan.RescuePresets.StaleCriteria;
import dev.dbtrescue.graph.select.IndirectSelection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * What to rebuild: the preset buttons (failed, modified, stale, each with its downstream), the selector field and
 * manual edits by click and lasso. The selection is always kept as a dbt selector that selects exactly its nodes, so
 * it can be copied into a terminal. Selector evaluation runs off the FX thread; the newest request wins.
 */
public final class SelectionViewModel {

    /** How many selection changes {@link #undo()} can take back. */
    static final int MAX_UNDO = 100;

    /** One row of the selected-node list. */
    public record NodeRow(int graphIndex, String name, String type, String uniqueId) {
        @Override
        public String toString() {
            return name + "  (" + type + ")";
        }
    }

    private final Executor background;
    private final Executor fx;
    private final StringProperty selectText = new SimpleStringProperty(this, "selectText", "");
    private final StringProperty excludeText = new SimpleStringProperty(this, "excludeText", "");
    private final ReadOnlyStringWrapper selectorError = new ReadOnlyStringWrapper(this, "selectorError", "");
    private final ReadOnlyStringWrapper matchCount = new ReadOnlyStringWrapper(this, "matchCount", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Nothing selected");
    private final ReadOnlyStringWrapper arguments = new ReadOnlyStringWrapper(this, "arguments", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyObjectWrapper<NodeSelection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", NodeSelection.NONE);
    private final Map<Preset, ReadOnlyStringWrapper> presetLabels = new EnumMap<>(Preset.class);
    private final Map<Preset, ReadOnlyBooleanWrapper> presetAvailable = new EnumMap<>(Preset.class);
    private final Map<Preset, Resolved> presets = new EnumMap<>(Preset.class);
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<NodeRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private volatile @Nullable ProjectSession session; // read by the presets' task to stop early
    private @Nullable RescuePresets engine;
    private NodeSelection base = NodeSelection.NONE;
    private final BitSet added = new BitSet();
    private final BitSet removed = new BitSet();
    private long generation; // FX thread only
    private final Deque<Snapshot> undo = new ArrayDeque<>();
    private final Deque<Snapshot> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private boolean typing; // the last remembered change came from the selector field
    private String shownSelect = ""; // the field texts of the selection shown, for undo
    private String shownExclude = "";

    public SelectionViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        for (Preset preset : Preset.values()) {
            presetLabels.put(preset, new ReadOnlyStringWrapper(this, preset.name(), preset.label()));
            presetAvailable.put(preset, new ReadOnlyBooleanWrapper(this, preset.name() + "Available"));
        }
    }

    /** The {@code --select} text typed by the user; {@link #previewSelector()} evaluates it. */
    public StringProperty selectTextProperty() {
        return selectText;
    }

    /** The {@code --exclude} text typed by the user. */
    public StringProperty excludeTextProperty() {
        return excludeText;
    }

    /** The inline error for an invalid selector (with the column and a suggestion), empty when valid. */
    public ReadOnlyStringProperty selectorErrorProperty() {
        return selectorError.getReadOnlyProperty();
    }

    /** How many nodes the typed selector matches ({@code 14 nodes}), empty when blank. */
    public ReadOnlyStringProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** One line: how many nodes are selected and where the selection came from. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The selection as copyable dbt arguments ({@code --select 'a+' --exclude 'b'}), empty when nothing. */
    public ReadOnlyStringProperty argumentsProperty() {
        return arguments.getReadOnlyProperty();
    }

    /** Warnings of the last preset or selector (for example, the project has no run results). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The current selection. */
    public ReadOnlyObjectProperty<NodeSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** A preset button's text with its count ({@code Failed + downstream (12)}). */
    public ReadOnlyStringProperty presetLabelProperty(Preset preset) {
        return presetLabels.get(preset).getReadOnlyProperty();
    }

    /** True when a preset can be applied (modified needs a state manifest; failed needs failures). */
    public ReadOnlyBooleanProperty presetAvailableProperty(Preset preset) {
        return presetAvailable.get(preset).getReadOnlyProperty();
    }

    /** The selected nodes, by type then name. */
    public ObservableList<NodeRow> getRows() {
        return rowsView;
    }

    /** Shows another project (or none): clears the selection and computes the presets' counts off the FX thread. */
    public void setSession(@Nullable ProjectSession newSession) {
        setSession(newSession, CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #setSession(ProjectSession)}, computing the presets' counts only once {@code after} completes (the
     * lineage's first picture), so that they do not compete with it for the cores.
     */
    public void setSession(@Nullable ProjectSession newSession, CompletionStage<?> after) {
        ++generation;
        session = newSession;
        engine = newSession == null ? null : newSession.presets();
        presets.clear();
        presetLabels.forEach((preset, label) -> label.set(preset.label()));
        presetAvailable.values().forEach(a -> a.set(false));
        selectText.set("");
        excludeText.set("");
        selectorError.set("");
        matchCount.set("");
        warning.set("");
        setBase(Resolved.NONE);
        forgetHistory();
        RescuePresets presetsEngine = engine;
        if (presetsEngine == null || newSession == null) {
            return;
        }
        boolean withState = newSession.hasStateManifest();
        LineageGraph graph = newSession.project().graph();
        after.handle((ignored, failure) -> null)
                .thenApplyAsync(
                        ignored -> computePresets(presetsEngine, withState, graph, () -> session != newSession),
                        background)
                .whenCompleteAsync(
                        (computed, error) -> {
                            if (session != newSession || error != null) {
                                return; // another project was opened meanwhile
                            }
                            computed.forEach((preset, result) -> {
                                presets.put(preset, result);
                                presetLabels
                                        .get(preset)
                                        .set(preset.label() + " ("
                                                + result.selection().size() + ")");
                                presetAvailable
                                        .get(preset)
                                        .set(!result.selection().isEmpty());
                            });
                        },
                        fx)
                .handle((ignored, failure) -> null)
                .thenRunAsync(() -> prepareConfigs(graph, () -> session != newSession), background);
    }

    /**
     * Builds the configs' trees, which the read kept as bytes, while the user looks at the picture: the first
     * {@code config.*} selector on the 15,000-model project took 137–256 ms building them, and takes 22–53 ms after
     * this (0.16–0.22 s for its 14,202 distinct configs; ADR 0011).
     */
    private static void prepareConfigs(LineageGraph graph, BooleanSupplier stale) {
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (i % 1024 == 0 && stale.getAsBoolean()) {
                return; // another project was opened meanwhile
            }
            nodes.get(i).config().prepare();
        }
    }

    /** Selects a preset's nodes (failed, modified or stale, each with everything downstream). */
    public void applyPreset(Preset preset) {
        Resolved result = presets.get(preset);
        if (result == null || session == null) {
            return;
        }
        ++generation;
        remember(capture(), false, result.selection());
        selectText.set(result.selection().select());
        excludeText.set(result.selection().exclude());
        selectorError.set("");
        matchCount.set(count(result.selection().size()));
        setBase(result);
    }

    /**
     * Evaluates the typed selector off the FX thread and makes its nodes the selection; an invalid selector leaves the
     * selection as it was and shows the error. A newer call supersedes an older one.
     */
    public void previewSelector() {
        long request = ++generation;
        String select = selectText.get().trim();
        String exclude = excludeText.get().trim();
        RescuePresets presetsEngine = engine;
        ProjectSession current = session;
        if (presetsEngine == null || current == null) {
            return;
        }
        if (select.isEmpty()) {
            selectorError.set(exclude.isEmpty() ? "" : "Give a --select value; --exclude alone selects nothing.");
            matchCount.set("");
            if (exclude.isEmpty()) {
                remember(capture(), true, NodeSelection.NONE);
                setBase(Resolved.NONE);
            }
            return;
        }
        LineageGraph graph = current.project().graph();
        CompletableFuture.supplyAsync(
                        () -> Resolved.withoutRows(evaluate(presetsEngine, select, exclude), "selector"), background)
                .whenCompleteAsync(
                        (result, error) -> {
                            if (request != generation) {
                                return; // a newer keystroke owns the field
                            }
                            if (error != null) {
                                selectorError.set(message(error));
                                matchCount.set("");
                                return;
                            }
                            remember(capture(), true, result.selection());
                            selectorError.set("");
                            matchCount.set(count(result.selection().size()));
                            setBase(result);
                            listLater(graph, result.selection());
                        },
                        fx);
    }

    /**
     * Builds the node list of a selection already highlighted, in a task of its own: the list's update (tens of
     * thousands of rows) then follows the highlighted frame instead of delaying it.
     */
    private void listLater(LineageGraph graph, NodeSelection shown) {
        CompletableFuture.supplyAsync(() -> NodeListOrder.of(graph).rowsOf(shown.nodes()), background)
                .thenAcceptAsync(
                        list -> {
                            if (selection.get() == shown) {
                                rows.setAll(list); // else a newer selection has its own list
                            }
                        },
                        fx);
    }

    /** Adds a node to the selection, or removes it if selected (shift-click). */
    public void toggle(int graphIndex) {
        if (selection.get().contains(graphIndex)) {
            remove(new int[] {graphIndex});
        } else {
            add(new int[] {graphIndex});
        }
    }

    /** Adds nodes to the selection (lasso). */
    public void add(int[] graphIndices) {
        Snapshot before = capture();
        NodeSelection now = selection.get();
        for (int i : graphIndices) {
            if (removed.get(i)) {
                removed.clear(i);
            } else if (!now.contains(i)) {
                added.set(i);
            }
        }
        edited(before);
    }

    /** Removes nodes from the selection (lasso with alt). */
    public void remove(int[] graphIndices) {
        Snapshot before = capture();
        NodeSelection now = selection.get();
        for (int i : graphIndices) {
            if (added.get(i)) {
                added.clear(i);
            } else if (now.contains(i)) {
                removed.set(i);
            }
        }
        edited(before);
    }

    /** Selects nothing. */
    public void clear() {
        ++generation;
        remember(capture(), false, NodeSelection.NONE);
        selectText.set("");
        excludeText.set("");
        selectorError.set("");
        matchCount.set("");
        setBase(Resolved.NONE);
    }

    private void setBase(Resolved newBase) {
        base = newBase.selection();
        added.clear();
        removed.clear();
        publish(newBase);
    }

    /**
     * After manual edits: the base selector plus an exact selector per added node, with an exact exclusion per
     * removed node. The selection becomes what dbt selects with those arguments (so an added model brings its tests,
     * as {@code dbt build} would), computed off the FX thread.
     */
    private void edited(Snapshot before) {
        ProjectSession current = session;
        if (current == null) {
            return;
        }
        LineageGraph graph = current.project().graph();
        List<String> select = new ArrayList<>();
        if (!base.select().isEmpty()) {
            select.add(base.select());
        }
        List<String> exclude = new ArrayList<>();
        if (!base.exclude().isEmpty()) {
            exclude.add(base.exclude());
        }
        for (int i = added.nextSetBit(0); i >= 0; i = added.nextSetBit(i + 1)) {
            select.add(current.selectors().selectorFor(graph.nodeAt(i).id()));
        }
        for (int i = removed.nextSetBit(0); i >= 0; i = removed.nextSetBit(i + 1)) {
            exclude.add(current.selectors().selectorFor(graph.nodeAt(i).id()));
        }
        BitSet wanted = base.nodes();
        wanted.or(added);
        wanted.andNot(removed);
        if (select.isEmpty() || wanted.isEmpty()) {
            ++generation;
            remember(before, false, NodeSelection.NONE);
            publish(Resolved.NONE);
            return;
        }
        evaluateEdit(before, String.join(" ", select), String.join(" ", exclude), wanted, graph);
    }

    /**
     * Evaluates the derived arguments. An added node that the base exclusion also matches would stay out (dbt applies
     * exclusions after every union), so then every wanted node is listed exactly instead.
     */
    private void evaluateEdit(Snapshot before, String select, String exclude, BitSet wanted, LineageGraph graph) {
        long request = ++generation;
        RescuePresets presetsEngine = engine;
        ProjectSession current = session;
        if (presetsEngine == null || current == null) {
            return;
        }
        CompletableFuture.supplyAsync(
                        () -> {
                            PresetSelection derived = evaluate(presetsEngine, select, exclude);
                            BitSet got = derived.indices();
                            BitSet missing = (BitSet) wanted.clone();
                            missing.andNot(got);
                            if (missing.isEmpty()) {
                                return Resolved.of(graph, new NodeSelection(got, select, exclude, "edited"), List.of());
                            }
                            List<String> exact = new ArrayList<>();
                            for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
                                exact.add(current.selectors()
                                        .selectorFor(graph.nodeAt(i).id()));
                            }
                            String listed = String.join(" ", exact);
                            return Resolved.of(graph, evaluate(presetsEngine, listed, ""), "edited");
                        },
                        background)
                .whenCompleteAsync(
                        (result, error) -> {
                            if (request != generation) {
                                return;
                            }
                            if (error != null) {
                                warning.set(message(error));
                                return;
                            }
                            remember(before, false, result.selection());
                            publish(result);
                        },
                        fx);
    }

    private void publish(Resolved resolved) {
        NodeSelection value = resolved.selection();
        shownSelect = selectText.get();
        shownExclude = excludeText.get();
        selection.set(value);
        arguments.set(value.arguments());
        warning.set(String.join("\n", resolved.warnings()));
        summary.set(
                value.isEmpty()
                        ? "Nothing selected"
                        : count(value.size()) + " selected" + (value.origin().isEmpty() ? "" : " · " + value.origin()));
        if (resolved.rows() != null) {
            rows.setAll(resolved.rows());
        }
    }

    /** True when a selection change can be undone. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True when an undone selection change can be made again. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /**
     * Shows the selection as it was before the last change: a preset, a clear, a click or lasso edit, or the selector
     * field (everything typed in a row counts as one change). Drops a change still being computed.
     */
    public void undo() {
        step(undo, redo);
    }

    /** Makes the last undone selection change again. */
    public void redo() {
        step(redo, undo);
    }

    /**
     * Selects exactly these nodes, as one change that {@link #undo()} takes back whole (the run panel's "select what
     * still needs a run").
     */
    public void replaceWith(int[] graphIndices) {
        Snapshot before = capture();
        ++generation;
        selectText.set("");
        excludeText.set("");
        selectorError.set("");
        matchCount.set("");
        base = NodeSelection.NONE;
        added.clear();
        removed.clear();
        for (int i : graphIndices) {
            added.set(i);
        }
        edited(before);
    }

    private void step(Deque<Snapshot> from, Deque<Snapshot> to) {
        Snapshot target = from.poll();
        if (target == null) {
            return;
        }
        ++generation; // a selector or edit still on its way must not land over the restored selection
        to.push(capture());
        typing = false;
        restore(target);
        updateHistoryFlags();
    }

    /** Keeps what was shown before a change, unless the change shows the same nodes the same way. */
    private void remember(Snapshot before, boolean fromField, NodeSelection next) {
        if (sameSelection(before.selection(), next)) {
            return;
        }
        if (!(fromField && typing && !undo.isEmpty())) {
            undo.push(before);
            while (undo.size() > MAX_UNDO) {
                undo.removeLast();
            }
        }
        typing = fromField;
        redo.clear();
        updateHistoryFlags();
    }

    private void forgetHistory() {
        undo.clear();
        redo.clear();
        typing = false;
        updateHistoryFlags();
    }

    private void updateHistoryFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private static boolean sameSelection(NodeSelection a, NodeSelection b) {
        return a.nodes().equals(b.nodes())
                && a.select().equals(b.select())
                && a.exclude().equals(b.exclude());
    }

    private Snapshot capture() {
        return new Snapshot(
                shownSelect,
                shownExclude,
                base,
                (BitSet) added.clone(),
                (BitSet) removed.clone(),
                selection.get(),
                List.copyOf(rows),
                warning.get(),
                summary.get());
    }

    private void restore(Snapshot s) {
        selectText.set(s.select());
        excludeText.set(s.exclude());
        shownSelect = s.select();
        shownExclude = s.exclude();
        selectorError.set("");
        matchCount.set(s.select().isEmpty() ? "" : count(s.selection().size()));
        base = s.base();
        added.clear();
        added.or(s.added());
        removed.clear();
        removed.or(s.removed());
        selection.set(s.selection());
        arguments.set(s.selection().arguments());
        warning.set(s.warning());
        summary.set(s.summary());
        rows.setAll(s.rows());
    }

    /** What the selection panel showed at one moment, for undo and redo. */
    private record Snapshot(
            String select,
            String exclude,
            NodeSelection base,
            BitSet added,
            BitSet removed,
            NodeSelection selection,
            List<NodeRow> rows,
            String warning,
            String summary) {}

    /**
     * A selection with its node list and warnings, prepared off the FX thread.
     *
     * @param rows the node list, null when it is built after the selection is shown
     */
    private record Resolved(
            NodeSelection selection, @Nullable List<NodeRow> rows, List<String> warnings) {

        static final Resolved NONE = new Resolved(NodeSelection.NONE, List.of(), List.of());

        static Resolved of(LineageGraph graph, PresetSelection result, String origin) {
            return of(
                    graph,
                    new NodeSelection(result.indices(), result.select(), result.exclude(), origin),
                    result.warnings());
        }

        static Resolved withoutRows(PresetSelection result, String origin) {
            return new Resolved(
                    new NodeSelection(result.indices(), result.select(), result.exclude(), origin),
                    null,
                    List.copyOf(result.warnings()));
        }

        static Resolved of(LineageGraph graph, NodeSelection selection, List<String> warnings) {
            return new Resolved(selection, NodeListOrder.of(graph).rowsOf(selection.nodes()), List.copyOf(warnings));
        }
    }

    /**
     * The presets' selections, one after the other; stops between them once {@code abandoned} says another project
     * was opened, so that a slow project's presets do not hold the cores the next project's opening needs.
     */
    private static Map<Preset, Resolved> computePresets(
            RescuePresets engine, boolean withState, LineageGraph graph, BooleanSupplier abandoned) {
        Map<Preset, Resolved> computed = new EnumMap<>(Preset.class);
        List<Preset> order = withState
                ? List.of(Preset.FAILED, Preset.MODIFIED, Preset.STALE)
                : List.of(Preset.FAILED, Preset.STALE);
        for (Preset preset : order) {
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("another project was opened");
            }
            PresetCall call = switch (preset) {
                case FAILED -> engine::failed;
                case MODIFIED -> engine::modified;
                case STALE -> () -> engine.stale(StaleCriteria.ALL);
            };
            tryPreset(computed, preset, call, graph);
        }
        return computed;
    }

    private interface PresetCall {
        PresetSelection call() throws PlanningException;
    }

    private static void tryPreset(Map<Preset, Resolved> into, Preset preset, PresetCall call, LineageGraph graph) {
        try {
            into.put(preset, Resolved.of(graph, call.call(), preset.label()));
        } catch (PlanningException e) {
            // the preset does not apply to this project (no run results, no state): its button stays disabled
        }
    }

    private static PresetSelection evaluate(RescuePresets engine, String select, String exclude) {
        try {
            return engine.select(
                    List.of(select), exclude.isEmpty() ? List.of() : List.of(exclude), IndirectSelection.EAGER);
        } catch (PlanningException e) {
            throw new CompletionException(e);
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " node" : " nodes");
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
