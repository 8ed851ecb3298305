// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.status.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The lineage screen's state: what is drawn (types, grouping, scope), its layout (computed off the FX thread, newest
 * request wins), the look of every item (status, selection, focus, search hits), search, and what clicks and the
 * lasso do. Large projects open on the failures' neighbourhood rather than on everything.
 */
public final class LineageViewModel {

    /** Above this many drawn nodes, a project with failures opens on the failures' neighbourhood. */
    public static final int LARGE_PROJECT = 1_500;

    /** Levels up and down around failures, and around a node when expanding. */
    static final int NEIGHBOURHOOD_DEPTH = 2;

    /** A request to centre the view on an item, new for every request. */
    public record CenterRequest(int item, long sequence) {}

    private final Executor background;
    private final Executor fx;
    private final SelectionViewModel selection;
    private final LayoutEngine engine;
    private final ReadOnlyObjectWrapper<@Nullable LineageLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyObjectWrapper<@Nullable NodeLook> look = new ReadOnlyObjectWrapper<>(this, "look");
    private final ReadOnlyObjectWrapper<@Nullable CenterRequest> centerRequest =
            new ReadOnlyObjectWrapper<>(this, "centerRequest");
    private final ReadOnlyIntegerWrapper focused = new ReadOnlyIntegerWrapper(this, "focused", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper scoped = new ReadOnlyBooleanWrapper(this, "scoped");
    private final ReadOnlyStringWrapper scopeText = new ReadOnlyStringWrapper(this, "scopeText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.NONE);
    private final Map<NodeType, BooleanProperty> typeShown = new EnumMap<>(NodeType.class);
    private final ObservableList<NodeType> presentTypes = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<NodeType> presentTypesView = FXCollections.unmodifiableObservableList(presentTypes);
    private final ObservableList<FuzzySearch.Hit> searchResults = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<FuzzySearch.Hit> searchResultsView =
            FXCollections.unmodifiableObservableList(searchResults);
    private final BitSet searchHits = new BitSet();
    private @Nullable ProjectSession session;
    private @Nullable CompletableFuture<FuzzySearch> search; // built off the FX thread, once per session
    private CompletableFuture<@Nullable Void> sessionDrawn = CompletableFuture.completedFuture(null);
    private ViewOptions options = ViewOptions.DEFAULT;
    private RunOverlay overlay = RunOverlay.NONE;
    private final AtomicLong layoutGeneration = new AtomicLong(); // read by the layout thread to stop early
    private long searchGeneration; // FX thread only
    private long centerSequence;
    private int pendingCenter = -1;
    private boolean updatingOptions;

    public LineageViewModel(SelectionViewModel selection, LayoutEngine engine, Executor background, Executor fx) {
        this.selection = selection;
        this.engine = engine;
        this.background = background;
        this.fx = fx;
        for (NodeType type : NodeType.values()) {
            var shown = new SimpleBooleanProperty(this, type.dbtName(), ViewOptions.DEFAULT.shows(type));
            shown.addListener((obs, was, now) -> {
                if (!updatingOptions) {
                    relayout(options.withTypeShown(type, now));
                }
            });
            typeShown.put(type, shown);
        }
        grouping.addListener((obs, was, now) -> {
            if (!updatingOptions) {
                relayout(options.withGrouping(now));
            }
        });
        selection.selectionProperty().addListener((obs, was, now) -> updateLook());
    }

    /** The laid-out projection being drawn; null before a project is open. */
    public ReadOnlyObjectProperty<@Nullable LineageLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** How every item looks: status, badges, selection and its boundary, focus, search hits. */
    public ReadOnlyObjectProperty<@Nullable NodeLook> lookProperty() {
        return look.getReadOnlyProperty();
    }

    /** Asks the view to centre on an item (after a search jump or a focus from elsewhere). */
    public ReadOnlyObjectProperty<@Nullable CenterRequest> centerRequestProperty() {
        return centerRequest.getReadOnlyProperty();
    }

    /** The graph index of the node shown in the detail pane, -1 for none. */
    public ReadOnlyIntegerProperty focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /** True while a layout is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when only part of the project is drawn. */
    public ReadOnlyBooleanProperty scopedProperty() {
        return scoped.getReadOnlyProperty();
    }

    /** What part of the project is drawn, for the banner. */
    public ReadOnlyStringProperty scopeTextProperty() {
        return scopeText.getReadOnlyProperty();
    }

    /** Drawn counts and the layout time, for the status line. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** How nodes are grouped; collapsed groups are drawn as one node each. */
    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** Whether a resource type is drawn (tests are hidden by default and roll up as badges). */
    public BooleanProperty typeShownProperty(NodeType type) {
        return typeShown.get(type);
    }

    /** The resource types present in the project, for the type toggles. */
    public ObservableList<NodeType> getPresentTypes() {
        return presentTypesView;
    }

    /** The search results, best first. */
    public ObservableList<FuzzySearch.Hit> getSearchResults() {
        return searchResultsView;
    }

    /**
     * Shows a project (or none); large projects with failures open on the failures' neighbourhood.
     *
     * <p>The first layout comes first: the search index is built only after it is published, and the returned stage
     * lets other screens hold their own background work (the presets) until then, so that on a 2-core machine the
     * first picture does not share the cores with them.
     *
     * @return completes on the FX thread once this project's first layout is published, failed or overtaken by
     *     another project
     */
    public CompletionStage<@Nullable Void> setSession(@Nullable ProjectSession newSession) {
        session = newSession;
        sessionDrawn.complete(null); // the previous project's waiters need not wait for a picture never drawn
        CompletableFuture<@Nullable Void> drawn = new CompletableFuture<>();
        sessionDrawn = drawn;
        search = null;
        searchResults.clear();
        searchHits.clear();
        focused.set(-1);
        pendingCenter = -1;
        if (newSession == null) {
            layoutGeneration.incrementAndGet();
            layout.set(null);
            look.set(null);
            drawn.complete(null);
            return drawn;
        }
        LineageGraph graph = newSession.project().graph();
        search = drawn.thenApplyAsync(ignored -> new FuzzySearch(graph), background);
        List<NodeType> types = new ArrayList<>();
        int[] counts = new int[NodeType.values().length];
        for (Node node : graph.nodes()) {
            counts[node.type().ordinal()]++;
        }
        for (NodeType type : NodeType.values()) {
            if (counts[type.ordinal()] > 0) {
                types.add(type);
            }
        }
        presentTypes.setAll(types);
        updatingOptions = true;
        try {
            grouping.set(Grouping.NONE);
            typeShown.forEach((type, shown) -> shown.set(ViewOptions.DEFAULT.shows(type)));
        } finally {
            updatingOptions = false;
        }
        relayout(ViewOptions.DEFAULT.withScope(initialScope(newSession)));
        return drawn;
    }

    /**
     * Draws batch numbers and live run statuses over the last-run statuses (FX thread; cheap enough to call once per
     * pulse while a run reports).
     */
    public void setOverlay(RunOverlay newOverlay) {
        overlay = newOverlay;
        updateLook();
    }

    /**
     * Shows new results of the same project (its artifacts were read again after dbt ran): statuses and badges are
     * recomputed off the FX thread for the current drawing, which keeps its scope, grouping and view. A project whose
     * manifest changed is shown afresh, as {@link #setSession} does.
     *
     * @return completes on the FX thread once the new statuses are drawn
     */
    public CompletionStage<@Nullable Void> refreshStatuses(ProjectSession newer) {
        ProjectSession current = session;
        LineageLayout drawn = layout.get();
        if (current == null || drawn == null) {
            return setSession(newer);
        }
        session = newer;
        long request = layoutGeneration.get();
        LineageGraph before = current.project().graph();
        return CompletableFuture.supplyAsync(
                        () -> sameDrawing(before, newer.project().graph())
                                ? new LineageLayout(
                                        drawn.projection(),
                                        drawn.scene(),
                                        ItemStatus.statuses(
                                                drawn.projection(),
                                                newer.project().status()),
                                        ItemStatus.badges(
                                                drawn.projection(),
                                                newer.project().status()),
                                        drawn.layoutMillis())
                                : null,
                        background)
                .thenComposeAsync(
                        recoloured -> {
                            if (request != layoutGeneration.get() || session != newer) {
                                return CompletableFuture.completedFuture(null); // overtaken
                            }
                            if (recoloured == null) {
                                return setSession(newer); // the project changed shape: draw it afresh
                            }
                            layout.set(recoloured);
                            updateLook();
                            return CompletableFuture.completedFuture(null);
                        },
                        fx);
    }

    /**
     * True when a drawing of {@code before} fits {@code after}: the same nodes at the same indices, with the same
     * types, folders, packages and parents. (Whole-node equality would also compare what a new manifest changes
     * without changing the picture, such as where each node's SQL sits in the file.) O(V + E).
     */
    static boolean sameDrawing(LineageGraph before, LineageGraph after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Node a = before.nodeAt(i);
            Node b = after.nodeAt(i);
            if (!a.id().equals(b.id())
                    || a.type() != b.type()
                    || !a.packageName().equals(b.packageName())
                    || !a.location().originalFilePath().equals(b.location().originalFilePath())
                    || !Arrays.equals(before.parentIndices(i), after.parentIndices(i))) {
                return false;
            }
        }
        return true;
    }

    /** Draws every node of the project (with the current types and grouping). */
    public void showWholeProject() {
        relayout(options.withScope(Optional.empty()));
    }

    /** Draws the failures and their neighbourhood only. */
    public void showFailureNeighbourhood() {
        ProjectSession current = session;
        if (current != null) {
            relayout(options.withScope(Optional.of(failureNeighbourhood(current))));
        }
    }

    /** Adds a node's upstream (two levels) to the drawn scope. */
    public void expandUpstream(int graphIndex) {
        widenScope(graphIndex, NEIGHBOURHOOD_DEPTH, 0);
    }

    /** Adds a node's downstream (two levels) to the drawn scope. */
    public void expandDownstream(int graphIndex) {
        widenScope(graphIndex, 0, NEIGHBOURHOOD_DEPTH);
    }

    /** Expands or collapses a group item. */
    public void toggleGroup(String group) {
        relayout(options.withGroupExpanded(group, !options.expandedGroups().contains(group)));
    }

    /**
     * A click on an item: shift toggles it in the selection; a double click expands a collapsed group, or the scope
     * around a node; a plain click shows the node in the detail pane.
     */
    public void clicked(int item, boolean shift, int clickCount) {
        LineageLayout current = layout.get();
        if (current == null || item < 0 || item >= current.projection().itemCount()) {
            return;
        }
        Projection projection = current.projection();
        if (shift) {
            int[] members = projection.members(item);
            boolean allSelected = true;
            NodeSelection now = selection.selectionProperty().get();
            for (int m : members) {
                allSelected &= now.contains(m);
            }
            if (allSelected) {
                selection.remove(members);
            } else {
                selection.add(members);
            }
            return;
        }
        Optional<String> group = projection.group(item);
        if (clickCount >= 2 && group.isPresent()) {
            toggleGroup(group.get());
            return;
        }
        int node = projection.nodeOf(item);
        if (node < 0) {
            return;
        }
        if (clickCount >= 2) {
            widenScope(node, 1, 1);
        }
        focused.set(node);
        updateLook();
    }

    /** Adds or removes the lassoed items' nodes from the selection. */
    public void lassoed(int[] items, boolean remove) {
        LineageLayout current = layout.get();
        if (current == null) {
            return;
        }
        List<Integer> nodes = new ArrayList<>();
        for (int item : items) {
            for (int m : current.projection().members(item)) {
                nodes.add(m);
            }
        }
        int[] indices = nodes.stream().mapToInt(Integer::intValue).toArray();
        if (remove) {
            selection.remove(indices);
        } else {
            selection.add(indices);
        }
    }

    /** A click on empty space: nothing in the detail pane. */
    public void backgroundClicked() {
        focused.set(-1);
        updateLook();
    }

    /** Searches by name, unique_id and path off the FX thread; a newer call supersedes an older one. */
    public void search(String query) {
        long request = ++searchGeneration;
        CompletableFuture<FuzzySearch> index = search;
        if (index == null || query.isBlank()) {
            searchResults.clear();
            searchHits.clear();
            updateLook();
            return;
        }
        index.thenApplyAsync(built -> built.search(query, 50), background)
                .whenCompleteAsync(
                        (hits, error) -> {
                            if (request != searchGeneration || error != null) {
                                return;
                            }
                            searchResults.setAll(hits);
                            searchHits.clear();
                            hits.forEach(h -> searchHits.set(h.graphIndex()));
                            updateLook();
                        },
                        fx);
    }

    /**
     * Shows a node in the detail pane and centres on it, drawing it first if it was outside the scope (hidden tests
     * centre on the node they test; members of collapsed groups on their group).
     */
    public void focus(int graphIndex) {
        ProjectSession current = session;
        if (current == null
                || graphIndex < 0
                || graphIndex >= current.project().graph().size()) {
            return;
        }
        focused.set(graphIndex);
        Optional<BitSet> scope = options.scope();
        if (scope.isPresent() && !scope.get().get(graphIndex)) {
            pendingCenter = graphIndex;
            widenScope(graphIndex, 1, 1);
            return;
        }
        requestCenter(graphIndex);
        updateLook();
    }

    /** Focuses a node by id. */
    public void focus(NodeId id) {
        ProjectSession current = session;
        if (current != null && current.project().graph().contains(id)) {
            focus(current.project().graph().indexOf(id));
        }
    }

    /** A tooltip for an item: name, type, status with age, and execution time. */
    public String tooltip(int item) {
        LineageLayout current = layout.get();
        ProjectSession project = session;
        if (current == null
                || project == null
                || item < 0
                || item >= current.projection().itemCount()) {
            return "";
        }
        return Tooltips.of(project, current, item);
    }

    private void requestCenter(int graphIndex) {
        LineageLayout current = layout.get();
        if (current == null) {
            return;
        }
        int item = drawnItemFor(current.projection(), graphIndex);
        if (item >= 0) {
            centerRequest.set(new CenterRequest(item, ++centerSequence));
        }
    }

    /** The item that draws a node, or for a hidden test the item of the node it tests. */
    private static int drawnItemFor(Projection projection, int graphIndex) {
        int item = projection.itemOf(graphIndex);
        return item >= 0 ? item : projection.rolledInto(graphIndex);
    }

    /**
     * Adds a node and its neighbours up to the given depths (0 for none) to the drawn scope; nothing to do when the
     * whole project is drawn.
     */
    private void widenScope(int graphIndex, int upstreamDepth, int downstreamDepth) {
        ProjectSession current = session;
        Optional<BitSet> scope = options.scope(); // a copy
        if (current == null || scope.isEmpty()) {
            return;
        }
        LineageGraph graph = current.project().graph();
        BitSet root = new BitSet();
        root.set(graphIndex);
        BitSet widened = scope.get();
        widened.or(root);
        if (upstreamDepth > 0) {
            widened.or(graph.ancestors(root, upstreamDepth));
        }
        if (downstreamDepth > 0) {
            widened.or(graph.descendants(root, downstreamDepth));
        }
        relayout(options.withScope(Optional.of(widened)));
    }

    private static Optional<BitSet> initialScope(ProjectSession session) {
        LineageGraph graph = session.project().graph();
        int drawn = 0;
        for (Node node : graph.nodes()) {
            if (ViewOptions.DEFAULT.shows(node.type())) {
                drawn++;
            }
        }
        if (drawn <= LARGE_PROJECT || session.analysis().failures().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failureNeighbourhood(session));
    }

    private static BitSet failureNeighbourhood(ProjectSession session) {
        LineageGraph graph = session.project().graph();
        BitSet roots = new BitSet(graph.size());
        for (Failure failure : session.analysis().failures()) {
            roots.set(graph.indexOf(failure.node()));
        }
        BitSet scope = (BitSet) roots.clone();
        scope.or(graph.ancestors(roots, NEIGHBOURHOOD_DEPTH));
        scope.or(graph.descendants(roots, NEIGHBOURHOOD_DEPTH));
        return scope;
    }

    private void relayout(ViewOptions newOptions) {
        ProjectSession current = session;
        if (current == null) {
            options = newOptions;
            return;
        }
        options = newOptions;
        long request = layoutGeneration.incrementAndGet();
        busy.set(true);
        CompletableFuture.supplyAsync(
                        () -> engine.layout(current, newOptions, () -> layoutGeneration.get() != request), background)
                .whenCompleteAsync(
                        (result, error) -> {
                            if (request != layoutGeneration.get()) {
                                return; // a newer layout request owns the view
                            }
                            busy.set(false);
                            if (error != null) {
                                statusText.set("Could not lay out the graph: " + error.getMessage());
                                sessionDrawn.complete(null);
                                return;
                            }
                            layout.set(result);
                            describe(current, result);
                            updateLook();
                            sessionDrawn.complete(null);
                            if (pendingCenter >= 0) {
                                int node = pendingCenter;
                                pendingCenter = -1;
                                requestCenter(node);
                            }
                        },
                        fx);
    }

    private void describe(ProjectSession current, LineageLayout result) {
        int total = current.project().graph().size();
        int drawnNodes = result.projection().drawnNodes().cardinality();
        boolean partial = options.scope().isPresent();
        scoped.set(partial);
        scopeText.set(
                partial
                        ? "Showing the failures' neighbourhood: " + drawnNodes + " of " + total
                                + " resources. Double-click a node to expand around it."
                        : "");
        statusText.set(result.projection().itemCount() + " items drawn (" + drawnNodes + " of " + total
                + " resources) · layout " + result.layoutMillis() + " ms");
    }

    private void updateLook() {
        LineageLayout current = layout.get();
        if (current == null) {
            look.set(null);
            return;
        }
        look.set(Looks.of(current, selection.selectionProperty().get(), searchHits, focused.get(), overlay));
    }
}
