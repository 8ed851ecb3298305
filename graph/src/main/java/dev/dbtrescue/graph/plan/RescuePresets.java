// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.FreshnessResult;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.Selection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.Selector;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.select.SelectorSyntaxException;
import dev.dbtrescue.graph.select.StateReason;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rescue presets, each a dbt selector the user can read and edit, and the nodes it selects with the reason each
 * starting node is in.
 *
 * <ul>
 *   <li><b>failed</b>: nodes whose last result is an error or a failure, plus downstream. A failed test brings the
 *       node it tests (and everything below it), which {@code dbt retry} does not; nodes the last run skipped are in
 *       too.
 *   <li><b>modified</b>: {@code state:modified+} against the production manifest, with each modified node's reason.
 *   <li><b>stale</b>: the union of the {@link StaleCriteria} parts that are switched on, plus downstream.
 *   <li><b>select</b>: any dbt selector.
 * </ul>
 *
 * <p>The node set is always what the selector text selects, evaluated by {@link SelectorEvaluator}, so editing the
 * text and selecting again gives the same nodes. No clock: the current time comes from the loaded project.
 * Thread-safe: every preset shares one selector evaluator (and its cached state comparison), which is.
 */
public final class RescuePresets {

    private final LoadedProject project;
    private final LineageGraph graph;
    private final ExactSelectors selectors;
    private final SelectionState state;
    private final SelectorEvaluator evaluator;

    /**
     * @param project the loaded artifacts with their status
     * @param selectors the exact selectors of the project's graph
     * @param state what {@code --state} gives (the production manifest for {@code modified})
     */
    public RescuePresets(LoadedProject project, ExactSelectors selectors, SelectionState state) {
        this(
                project,
                selectors,
                state,
                new SelectorEvaluator(project.graph(), project.artifacts().manifest(), state));
    }

    /**
     * Presets on an evaluator the caller already has, so that its state comparison is computed once.
     *
     * @param project the loaded artifacts with their status
     * @param selectors the exact selectors of the project's graph
     * @param state what {@code --state} gives (the production manifest for {@code modified})
     * @param evaluator an evaluator over the project's graph and manifest with the same state
     */
    public RescuePresets(
            LoadedProject project, ExactSelectors selectors, SelectionState state, SelectorEvaluator evaluator) {
        this.project = project;
        this.graph = project.graph();
        this.selectors = selectors;
        this.state = state;
        this.evaluator = evaluator;
    }

    /** Which preset a selection came from. */
    public enum Preset {
        FAILED,
        MODIFIED,
        STALE,
        SELECT;

        /** The word on the command line and in plans. */
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The parts of "stale", each switched on or off by the user.
     *
     * @param fresherSources sources with data newer than the last build of their consumers; with a previous
     *     {@code sources.json} in the state folder this is dbt's own {@code source_status:fresher+}
     * @param freshnessProblems sources whose last freshness check warned or failed
     * @param olderThan models, seeds and snapshots whose last success is older than this, when set
     * @param parentRebuilt nodes with a parent that succeeded after their own last success
     */
    public record StaleCriteria(
            boolean fresherSources, boolean freshnessProblems, Optional<Duration> olderThan, boolean parentRebuilt) {

        /** Every part on, last success older than 24 hours. */
        public static final StaleCriteria ALL = new StaleCriteria(true, true, Optional.of(Duration.ofHours(24)), true);

        public StaleCriteria {
            if (olderThan.isPresent()
                    && (olderThan.get().isNegative() || olderThan.get().isZero())) {
                throw new IllegalArgumentException(
                        "the stale age must be more than zero, was " + Durations.format(olderThan.get()));
            }
        }
    }

    /**
     * A preset's result.
     *
     * @param preset the preset
     * @param select the dbt selector ({@code --select}) that gives the nodes
     * @param exclude the exclusion ({@code --exclude}), empty when none
     * @param nodes the selected nodes, sorted by unique_id
     * @param indices the same nodes as graph indices ({@link LineageGraph#indexOf})
     * @param reasons why each starting node is in (its downstream comes with it)
     * @param warnings what the user should know
     */
    public record PresetSelection(
            Preset preset,
            String select,
            String exclude,
            List<NodeId> nodes,
            BitSet indices,
            Map<NodeId, List<String>> reasons,
            List<String> warnings) {

        public PresetSelection {
            nodes = List.copyOf(nodes);
            indices = (BitSet) indices.clone();
            if (indices.cardinality() != nodes.size()) {
                throw new IllegalArgumentException(indices.cardinality() + " indices for " + nodes.size() + " nodes");
            }
            reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
            warnings = List.copyOf(warnings);
        }

        /** The selected nodes' graph indices, as a new set. */
        @Override
        public BitSet indices() {
            return (BitSet) indices.clone();
        }
    }

    /**
     * Failed + downstream.
     *
     * @throws PlanningException if the project has no run results
     */
    public PresetSelection failed() throws PlanningException {
        if (project.artifacts().runResults().isEmpty()) {
            throw new PlanningException("The failed preset needs the results of a run, and this project has no"
                    + " run_results.json in target/: run dbt first, or add earlier results with --history FILE.");
        }
        ProjectStatus status = project.status();
        Roots roots = new Roots();
        for (Failure failure : new FailureAnalyzer().analyze(status).failures()) {
            Node node = graph.requireNode(failure.node());
            if (node.type() == NodeType.SOURCE) {
                continue; // a stale source is the stale preset's business
            }
            int v = graph.indexOf(node.id());
            String outcome = failure.outcome() + (failure.firstLine().isEmpty() ? "" : ": " + failure.firstLine());
            if (!node.type().isTest()) {
                roots.add(v, true, "last result " + outcome);
                continue;
            }
            List<Integer> tested = testedNodes(node);
            if (tested.isEmpty()) {
                roots.add(v, false, "last result " + outcome + " (it tests a source: rerun it once the data is fixed)");
            }
            for (int t : tested) {
                roots.add(t, true, "its test " + node.name() + " has last result " + outcome);
            }
        }
        BitSet covered = roots.downstream();
        for (int v : graph.topologicalIndices()) {
            Node node = graph.nodeAt(v);
            if (status.stateOf(node.id()) == NodeState.SKIPPED && !covered.get(v)) {
                roots.add(v, !node.type().isTest(), "skipped in the last run");
                BitSet root = new BitSet(graph.size());
                root.set(v);
                covered.or(root);
                covered.or(graph.descendants(root, LineageGraph.UNLIMITED));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (roots.isEmpty()) {
            warnings.add("The last results have no error, failure or skip: nothing to rescue.");
        }
        return roots.select(Preset.FAILED, warnings);
    }

    /**
     * Modified + downstream against the state manifest.
     *
     * @throws PlanningException if no state manifest was given
     */
    public PresetSelection modified() throws PlanningException {
        if (state.manifest().isEmpty()) {
            throw new PlanningException("The modified preset compares against a production manifest: pass --state"
                    + " DIR, where DIR/manifest.json comes from the production run.");
        }
        try {
            Selection modified = evaluator.select(new SelectorParser().parse("state:modified"));
            Map<NodeId, List<String>> reasons = new LinkedHashMap<>();
            for (NodeId id : modified.nodes()) {
                List<String> why = evaluator.stateReasons(id).stream()
                        .map(StateReason::describe)
                        .toList();
                // dbt's eager indirect selection adds the tests of modified nodes to state:modified itself
                reasons.put(id, why.isEmpty() ? List.of("tests a modified node") : why);
            }
            List<String> warnings = new ArrayList<>();
            if (modified.size() == 0) {
                warnings.add("Nothing differs from the state manifest: no node is new or modified.");
            }
            return evaluate(Preset.MODIFIED, "state:modified+", "", reasons, warnings);
        } catch (SelectorSyntaxException e) {
            throw new PlanningException(e.getMessage());
        }
    }

    /**
     * Stale + downstream, by the parts switched on.
     *
     * @throws PlanningException if no part is switched on
     */
    public PresetSelection stale(StaleCriteria criteria) throws PlanningException {
        if (!criteria.fresherSources()
                && !criteria.freshnessProblems()
                && criteria.olderThan().isEmpty()
                && !criteria.parentRebuilt()) {
            throw new PlanningException("Every part of the stale preset is switched off: switch on at least one.");
        }
        ProjectStatus status = project.status();
        Roots roots = new Roots();
        List<String> warnings = new ArrayList<>();
        boolean dbtFresher = false;
        if (criteria.fresherSources()) {
            if (state.previousSources().isPresent() && state.currentSources().isPresent()) {
                dbtFresher = true;
            } else if (status.sourceFreshness().isEmpty()) {
                warnings.add("No sources.json was loaded, so fresher sources could not be checked: run `dbt source"
                        + " freshness` first.");
            } else {
                fresherThanConsumers(status, roots);
            }
        }
        if (criteria.freshnessProblems()) {
            status.sourceFreshness().forEach((id, freshness) -> {
                FreshnessStatus fs = freshness.result().status();
                if (fs == FreshnessStatus.WARN || fs == FreshnessStatus.ERROR || fs == FreshnessStatus.RUNTIME_ERROR) {
                    roots.add(
                            graph.indexOf(id),
                            true,
                            "source freshness " + fs.dbtName()
                                    + freshness
                                            .dataAge()
                                            .map(a -> " (data " + Durations.format(a) + " old)")
                                            .orElse(""));
                }
            });
        }
        criteria.olderThan().ifPresent(age -> {
            Instant limit = status.now().minus(age);
            for (int v : graph.topologicalIndices()) {
                Node node = graph.nodeAt(v);
                if (!node.type().isBuildable()) {
                    continue;
                }
                lastSuccess(status, node.id())
                        .filter(at -> at.isBefore(limit))
                        .ifPresent(at -> roots.add(
                                v,
                                true,
                                "last success " + Durations.format(Duration.between(at, status.now()))
                                        + " ago, older than " + Durations.format(age)));
            }
        });
        if (criteria.parentRebuilt()) {
            for (int v : graph.topologicalIndices()) {
                Node node = graph.nodeAt(v);
                Optional<Instant> own = lastSuccess(status, node.id());
                if (!node.type().isBuildable() || own.isEmpty()) {
                    continue;
                }
                for (int p : graph.parentIndices(v)) {
                    Node parent = graph.nodeAt(p);
                    Optional<Instant> theirs = lastSuccess(status, parent.id());
                    if (parent.type().isBuildable()
                            && theirs.isPresent()
                            && theirs.get().isAfter(own.get())) {
                        roots.add(v, true, "parent " + parent.name() + " was rebuilt after its last success");
                        break;
                    }
                }
            }
        }
        Selection base = null;
        String select = roots.text();
        if (dbtFresher) {
            select = select.isEmpty() ? "source_status:fresher+" : "source_status:fresher+ " + select;
            try {
                base = evaluator.select(new SelectorParser().parse("source_status:fresher"));
            } catch (SelectorSyntaxException e) {
                throw new PlanningException(e.getMessage());
            }
        }
        Map<NodeId, List<String>> reasons = new LinkedHashMap<>();
        if (base != null) {
            for (NodeId id : base.nodes()) {
                reasons.put(id, new ArrayList<>(List.of("fresher than in the state's sources.json")));
            }
        }
        roots.orderedReasons()
                .forEach((id, why) -> reasons.merge(id, why, (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                }));
        if (select.isEmpty()) {
            warnings.add("No node is stale by the parts switched on.");
            return new PresetSelection(Preset.STALE, "", "", List.of(), new BitSet(), Map.of(), warnings);
        }
        return evaluate(Preset.STALE, select, "", reasons, warnings);
    }

    /**
     * Any dbt selector.
     *
     * @throws PlanningException if the selector is invalid (with dbt's kind of message and a suggestion)
     */
    public PresetSelection select(List<String> select, List<String> exclude, IndirectSelection mode)
            throws PlanningException {
        String text = String.join(" ", select);
        if (text.isBlank()) {
            throw new PlanningException(
                    "Give a selector with --select (for example --select 'orders+'), or use" + " a preset.");
        }
        try {
            Selector selector = new SelectorParser().parse(select, exclude, mode);
            Selection selection = evaluator.select(selector);
            return new PresetSelection(
                    Preset.SELECT,
                    text,
                    String.join(" ", exclude),
                    selection.nodes(),
                    selection.indices(),
                    Map.of(),
                    selection.warnings());
        } catch (SelectorSyntaxException e) {
            throw new PlanningException(e.getMessage());
        }
    }

    /**
     * A preset's selection with {@code exclude} taken out and tests picked by {@code mode}, keeping the preset, its
     * reasons and its warnings. Returned as it is when there is nothing to narrow (no exclusion and eager tests, which
     * is how presets are evaluated) or when the preset selected nothing.
     *
     * @throws PlanningException if an exclusion is not a valid selector
     */
    public PresetSelection narrow(PresetSelection chosen, List<String> exclude, IndirectSelection mode)
            throws PlanningException {
        if ((exclude.isEmpty() && mode == IndirectSelection.EAGER)
                || chosen.select().isEmpty()) {
            return chosen;
        }
        PresetSelection narrowed = select(List.of(chosen.select()), exclude, mode);
        List<String> warnings = new ArrayList<>(chosen.warnings());
        warnings.addAll(narrowed.warnings());
        return new PresetSelection(
                chosen.preset(),
                narrowed.select(),
                narrowed.exclude(),
                narrowed.nodes(),
                narrowed.indices(),
                chosen.reasons(),
                warnings);
    }

    private PresetSelection evaluate(
            Preset preset, String select, String exclude, Map<NodeId, List<String>> reasons, List<String> warnings)
            throws PlanningException {
        try {
            Selector selector = new SelectorParser()
                    .parse(List.of(select), exclude.isEmpty() ? List.of() : List.of(exclude), IndirectSelection.EAGER);
            Selection selection = evaluator.select(selector);
            List<String> all = new ArrayList<>(warnings);
            all.addAll(selection.warnings());
            return new PresetSelection(preset, select, exclude, selection.nodes(), selection.indices(), reasons, all);
        } catch (SelectorSyntaxException e) {
            throw new PlanningException(e.getMessage());
        }
    }

    /** Consumers built before their source's newest data arrived, from the loaded sources.json. */
    private void fresherThanConsumers(ProjectStatus status, Roots roots) {
        Map<NodeId, FreshnessResult> byId = new TreeMap<>();
        status.sourceFreshness().forEach((id, f) -> byId.put(id, f.result()));
        byId.forEach((id, result) -> {
            if (result.maxLoadedAt().isEmpty()) {
                return;
            }
            Instant loaded = result.maxLoadedAt().get();
            for (NodeId child : graph.childrenOf(id)) {
                Node node = graph.requireNode(child);
                Optional<Instant> built = lastSuccess(status, child);
                if (node.type().isBuildable()
                        && built.isPresent()
                        && built.get().isBefore(loaded)) {
                    roots.add(
                            graph.indexOf(child),
                            true,
                            "source " + graph.requireNode(id).name() + " has data loaded "
                                    + Durations.format(Duration.between(built.get(), loaded))
                                    + " after its last build");
                }
            }
        });
    }

    private static Optional<Instant> lastSuccess(ProjectStatus status, NodeId id) {
        return status.lastResult(id).filter(r -> r.status().isSuccess()).map(NodeResult::completedAt);
    }

    /** The nodes a failed test stands for: the node its YAML is attached to, else its buildable parents. */
    private List<Integer> testedNodes(Node test) {
        List<Integer> out = new ArrayList<>();
        Optional<NodeId> attached = test.details().test().flatMap(t -> t.attachedNode());
        if (attached.isPresent() && graph.contains(attached.get())) {
            Node node = graph.requireNode(attached.get());
            if (node.type().isBuildable()) {
                out.add(graph.indexOf(attached.get()));
                return out;
            }
        }
        for (int p : graph.parentIndices(graph.indexOf(test.id()))) {
            if (graph.nodeAt(p).type().isBuildable()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The starting nodes of a preset, with a {@code +} where their downstream comes too. */
    private final class Roots {
        private final Map<Integer, Boolean> downstream = new TreeMap<>();
        private final Map<NodeId, List<String>> reasons = new LinkedHashMap<>();

        void add(int index, boolean withDownstream, String reason) {
            downstream.merge(index, withDownstream, Boolean::logicalOr);
            reasons.computeIfAbsent(graph.nodeAt(index).id(), k -> new ArrayList<>());
            List<String> list = reasons.get(graph.nodeAt(index).id());
            if (!list.contains(reason)) {
                list.add(reason);
            }
        }

        boolean isEmpty() {
            return downstream.isEmpty();
        }

        BitSet downstream() {
            BitSet roots = new BitSet(graph.size());
            downstream.forEach((v, plus) -> roots.set(v));
            BitSet out = graph.descendants(roots, LineageGraph.UNLIMITED);
            out.or(roots);
            return out;
        }

        /** The starting nodes in the graph's topological order. */
        private List<Integer> ordered() {
            int[] topo = graph.topologicalIndices();
            int[] pos = new int[topo.length];
            for (int k = 0; k < topo.length; k++) {
                pos[topo[k]] = k;
            }
            List<Integer> out = new ArrayList<>(downstream.keySet());
            out.sort((a, b) -> Integer.compare(pos[a], pos[b]));
            return out;
        }

        /** The selector text, in the graph's topological order. */
        String text() {
            return String.join(
                    " ",
                    ordered().stream()
                            .map(v -> downstream.get(v) ? withDownstream(selectorOf(v)) : selectorOf(v))
                            .toList());
        }

        /** Why each starting node is in, in the order of {@link #text()}. */
        Map<NodeId, List<String>> orderedReasons() {
            Map<NodeId, List<String>> out = new LinkedHashMap<>();
            ordered()
                    .forEach(v -> out.put(
                            graph.nodeAt(v).id(), reasons.get(graph.nodeAt(v).id())));
            return out;
        }

        /** {@code x+}; for a narrowed {@code a,path:f} every part gets the {@code +}, so the intersection keeps it. */
        private static String withDownstream(String selector) {
            return String.join(
                    ",",
                    java.util.Arrays.stream(selector.split(","))
                            .map(part -> part + "+")
                            .toList());
        }

        private String selectorOf(int index) {
            Node node = graph.nodeAt(index);
            return node.type() == NodeType.SOURCE
                    ? dev.dbtrescue.graph.select.NodeNames.selector(node)
                    : selectors.selectorFor(node.id());
        }

        PresetSelection select(Preset preset, List<String> warnings) throws PlanningException {
            String text = text();
            if (text.isEmpty()) {
                return new PresetSelection(preset, "", "", List.of(), new BitSet(), Map.of(), warnings);
            }
            return evaluate(preset, text, "", orderedReasons(), warnings);
        }
    }
}
