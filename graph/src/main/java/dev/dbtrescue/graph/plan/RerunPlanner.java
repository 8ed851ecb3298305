// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.UnknownNodeException;
import dev.dbtrescue.graph.select.NodeNames;
import dev.dbtrescue.graph.status.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a selection into dependency-ordered batches under a size and time budget, each batch one exact dbt command.
 *
 * <p>The selected resources that the chosen command executes are the plan's nodes. Tests, unit tests, exposures and
 * saved queries are <em>companions</em>: each travels with the last of its selected parents (as {@code dbt build} runs
 * a test after its model) and does not count toward the node limit. The other nodes are taken in an order that
 * depends on the split mode and is always a topological order of the selection, where a node also depends on selected
 * ancestors reached through unselected nodes (dbt keeps those transitive edges too). Batches are filled along that
 * order, so a node never lands in a batch earlier than a selected ancestor.
 *
 * <p>A batch is closed when the next node would break a limit, when the split mode asks for a cut (a new wave,
 * folder, tag or group; in lineage mode a new branch that would not fit), or around an isolated node: a full refresh
 * (alone, so that the flag touches nothing else) or a heavy node. A node that breaks a limit on its own is put alone
 * and flagged. The batch time is a list schedule of its nodes on the thread count, following in-batch dependencies.
 *
 * <p>Pure and deterministic: the same graph, selection and options give the same plan, whatever the order of the
 * selection. O(V + E) for the graph walks plus O(n log n) in the selection size.
 */
public final class RerunPlanner {

    private static final Set<NodeType> COMPANION_TYPES =
            EnumSet.of(NodeType.TEST, NodeType.UNIT_TEST, NodeType.EXPOSURE, NodeType.SAVED_QUERY);

    private final LineageGraph graph;
    private final ExactSelectors selectors;
    private final DurationEstimator estimator;

    /**
     * @param selectors the exact selectors of the graph to plan on (built once per loaded project)
     * @param estimator the expected execution times
     */
    public RerunPlanner(ExactSelectors selectors, DurationEstimator estimator) {
        this.selectors = selectors;
        this.graph = selectors.graph();
        this.estimator = estimator;
    }

    /**
     * Plans the selected nodes.
     *
     * @param selected the selection, in any order (for instance {@code Selection.nodes()})
     * @param options constraints and flags
     * @param source what the selection was made from, recorded in the plan
     * @throws PlanningException if a node is unknown, or a full-refresh node is not among the nodes the command runs
     */
    public RerunPlan plan(Collection<NodeId> selected, PlanOptions options, PlanSource source)
            throws PlanningException {
        return new Run(options).plan(selected, source);
    }

    /**
     * The dbt invocation that runs exactly {@code nodes} with the plan's flags: what a batch's command would be had
     * the batch held only these nodes. The runner uses it to run what is left of a batch after a resume, a retry or
     * nodes left out because an upstream failed.
     *
     * @param nodes nodes the command runs (tests among them are selected by name or through indirect selection, as in
     *     a planned batch), in any order
     * @param options the plan's options
     * @param fullRefresh whether to add {@code --full-refresh}
     * @throws PlanningException if a node is not in the graph
     */
    public DbtCommand commandFor(Collection<NodeId> nodes, PlanOptions options, boolean fullRefresh)
            throws PlanningException {
        Run run = new Run(options);
        BitSet wanted = new BitSet(graph.size());
        for (NodeId id : nodes) {
            if (!graph.contains(id)) {
                throw new PlanningException("'" + id + "' is not in the project's manifest any more: the project"
                        + " changed since the plan was made; make a new plan");
            }
            wanted.set(graph.indexOf(id));
        }
        List<Integer> members = new ArrayList<>();
        for (int v : graph.topologicalIndices()) {
            if (wanted.get(v)) {
                members.add(v);
            }
        }
        return run.command(members, fullRefresh ? EnumSet.of(BatchFlag.FULL_REFRESH) : EnumSet.noneOf(BatchFlag.class));
    }

    /**
     * The plan with its nodes grouped into batches by hand: {@code batches} lists each batch's node ids, in run order
     * (empty lists are dropped). Estimates, flags, notes and commands are made again for the new batches, as the
     * planner makes them; the plan's source, options, resources not run and warnings stay.
     *
     * <p>Refused when the grouping would run a node before one of its selected ancestors (a selected node reached
     * through unselected ones counts, as in planning), when it adds, drops or repeats a node, or when a full-refresh
     * node no longer is part of the plan.
     *
     * @throws PlanningException saying which node would run before which ancestor, in which batches
     */
    public RerunPlan regroup(RerunPlan plan, List<List<NodeId>> batches) throws PlanningException {
        return new Run(plan.options()).regroup(plan, batches);
    }

    /** The state of one planning call. */
    private final class Run {
        private final PlanOptions options;
        private final int n = graph.size();
        private final int[] topo = graph.topologicalIndices();
        private final int[] pos = new int[n];
        private final BitSet items = new BitSet(n);
        private final int[][] preds = new int[n][];
        private final double[] cost = new double[n];
        private final Estimate[] estimates = new Estimate[n];
        private final boolean[] companion = new boolean[n];
        private final BitSet fullRefresh = new BitSet(n);
        private final BitSet heavy = new BitSet(n);
        private final int threads;
        private final double maxSeconds;
        private final int maxNodes;

        Run(PlanOptions options) {
            this.options = options;
            for (int k = 0; k < n; k++) {
                pos[topo[k]] = k;
            }
            this.threads = options.threads().orElse(estimator.threadsOfLastRun().orElse(1));
            this.maxSeconds = options.maxDuration().map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
            this.maxNodes = options.maxNodes().orElse(Integer.MAX_VALUE);
        }

        RerunPlan plan(Collection<NodeId> selected, PlanSource source) throws PlanningException {
            Map<NodeType, Integer> notRun = new EnumMap<>(NodeType.class);
            for (NodeId id : selected) {
                int index;
                try {
                    index = graph.indexOf(id);
                } catch (UnknownNodeException e) {
                    throw new PlanningException("'" + id + "' is not in the project's manifest: select nodes of this"
                            + " project (reload the artifacts if the project changed)");
                }
                Node node = graph.nodeAt(index);
                if (options.verb().runs(node.type())) {
                    items.set(index);
                } else if (!items.get(index)) {
                    notRun.merge(node.type(), 1, Integer::sum);
                }
            }
            List<String> warnings = new ArrayList<>();
            if (options.verb() == DbtVerb.BUILD) {
                int orphans = 0;
                for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) {
                    if (graph.nodeAt(i).type() == NodeType.UNIT_TEST && !graph.parentsWithin(i, items)) {
                        items.clear(i); // dbt build runs a unit test only with its model in the same invocation
                        notRun.merge(NodeType.UNIT_TEST, 1, Integer::sum);
                        orphans++;
                    }
                }
                if (orphans > 0) {
                    warnings.add(orphans + " selected unit tests are left out: `dbt build` runs a unit test only"
                            + " together with the model it tests; select the model too, or plan `dbt test`.");
                }
            }
            for (NodeId id : options.fullRefresh()) {
                Integer index = graph.contains(id) ? graph.indexOf(id) : null;
                if (index == null || !items.get(index)) {
                    throw new PlanningException("--full-refresh " + id + ": not among the nodes this `dbt "
                            + options.verb().dbtName() + "` runs; add it to the selection or drop the flag");
                }
                if (!graph.nodeAt(index).type().isBuildable()) {
                    throw new PlanningException("--full-refresh " + id + ": only models, seeds and snapshots are"
                            + " rebuilt with --full-refresh");
                }
                fullRefresh.set(index);
            }
            linkPredecessors();
            int defaults = 0;
            for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) {
                Node node = graph.nodeAt(i);
                estimates[i] = estimator.estimate(node);
                cost[i] = estimates[i].seconds();
                if (estimates[i].isDefault()) {
                    defaults++;
                }
                companion[i] = COMPANION_TYPES.contains(node.type()) && hasPrimaryPredecessor(i);
                boolean incremental =
                        "incremental".equals(node.config().materialized().orElse(""));
                Duration own = estimates[i].duration();
                if (companion[i]) {
                    continue; // a companion runs with its owner; only nodes of their own are isolated
                }
                if ((fullRefresh.get(i) && incremental)
                        || options.heavyThreshold()
                                .filter(t -> own.compareTo(t) >= 0)
                                .isPresent()) {
                    heavy.set(i);
                }
            }
            List<Batch> batches = pack(order());
            if (items.isEmpty()) {
                warnings.add("Nothing to do: no selected node is run by `dbt "
                        + options.verb().dbtName() + "`.");
            }
            if (defaults > 0) {
                warnings.add(defaults + " of " + items.cardinality() + " nodes have no recorded run; their times are"
                        + " estimates by resource type and materialization (marked ~).");
            }
            for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) {
                if (!selectors.isExact(graph.nodeAt(i).id())) {
                    warnings.add("No selector names " + graph.nodeAt(i).id() + " alone: its command also selects"
                            + " another resource with the same fqn in the same file.");
                }
            }
            return new RerunPlan(source, options, threads, batches, criticalPath(), notRun, warnings);
        }

        RerunPlan regroup(RerunPlan plan, List<List<NodeId>> groups) throws PlanningException {
            int[] group = new int[n];
            Arrays.fill(group, -1);
            List<List<NodeId>> kept = groups.stream().filter(g -> !g.isEmpty()).toList();
            for (int g = 0; g < kept.size(); g++) {
                for (NodeId id : kept.get(g)) {
                    if (!graph.contains(id)) {
                        throw new PlanningException("'" + id + "' is not in the project's manifest: the plan was made"
                                + " from other artifacts; make a new plan");
                    }
                    int index = graph.indexOf(id);
                    if (group[index] >= 0) {
                        throw new PlanningException(graph.nodeAt(index).name() + " is in batch " + (group[index] + 1)
                                + " and in batch " + (g + 1) + ": a node runs once");
                    }
                    group[index] = g;
                    items.set(index);
                }
            }
            Set<NodeId> before = new HashSet<>();
            plan.batches().forEach(b -> before.addAll(b.ids()));
            Set<NodeId> after = new HashSet<>();
            kept.forEach(after::addAll);
            if (!before.equals(after)) {
                throw new PlanningException("Regrouping must keep the plan's nodes: it has " + before.size()
                        + ", the new batches " + after.size() + "; make a new plan to change what runs");
            }
            for (NodeId id : options.fullRefresh()) {
                if (graph.contains(id) && items.get(graph.indexOf(id))) {
                    fullRefresh.set(graph.indexOf(id));
                }
            }
            linkPredecessors();
            for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) {
                Node node = graph.nodeAt(i);
                Estimate estimate = estimator.estimate(node);
                estimates[i] = estimate;
                cost[i] = estimate.seconds();
                companion[i] = COMPANION_TYPES.contains(node.type()) && hasPrimaryPredecessor(i);
                boolean incremental =
                        "incremental".equals(node.config().materialized().orElse(""));
                if (!companion[i]
                        && ((fullRefresh.get(i) && incremental)
                                || options.heavyThreshold()
                                        .filter(t -> estimate.duration().compareTo(t) >= 0)
                                        .isPresent())) {
                    heavy.set(i);
                }
                for (int p : preds[i]) {
                    if (group[p] > group[i]) {
                        throw new PlanningException(node.name() + " cannot run in batch " + (group[i] + 1)
                                + ": it depends on " + graph.nodeAt(p).name() + ", which runs in batch "
                                + (group[p] + 1) + ". Move " + graph.nodeAt(p).name() + " first, or put "
                                + node.name() + " in batch " + (group[p] + 1) + " or later.");
                    }
                }
            }
            List<Batch> out = new ArrayList<>();
            for (List<NodeId> ids : kept) {
                Open open = new Open();
                for (int v : inGivenOrder(ids)) {
                    open.add(List.of(v));
                }
                open.close(out);
            }
            return new RerunPlan(plan.source(), options, threads, out, criticalPath(), plan.notRun(), plan.warnings());
        }

        /**
         * The batch's nodes in the order given, except that a node waits for its predecessors in the same batch (a
         * stable topological order), so an unchanged batch keeps the planner's order.
         */
        private List<Integer> inGivenOrder(List<NodeId> ids) {
            List<Integer> waiting = new ArrayList<>();
            BitSet members = new BitSet(n);
            for (NodeId id : ids) {
                waiting.add(graph.indexOf(id));
                members.set(graph.indexOf(id));
            }
            List<Integer> out = new ArrayList<>();
            BitSet placed = new BitSet(n);
            while (!waiting.isEmpty()) {
                for (int k = 0; k < waiting.size(); k++) {
                    int v = waiting.get(k);
                    boolean ready = true;
                    for (int p : preds[v]) {
                        if (members.get(p) && !placed.get(p)) {
                            ready = false;
                            break;
                        }
                    }
                    if (ready) {
                        waiting.remove(k);
                        out.add(v);
                        placed.set(v);
                        break;
                    }
                }
            }
            return out;
        }

        private boolean hasPrimaryPredecessor(int v) {
            for (int p : preds[v]) {
                if (!COMPANION_TYPES.contains(graph.nodeAt(p).type())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * For every node, its nearest selected ancestors: parents that are nodes of the plan, and through unselected
         * parents, the nodes of the plan above them.
         */
        private void linkPredecessors() {
            BitSet between = graph.descendants(items, LineageGraph.UNLIMITED);
            between.and(graph.ancestors(items, LineageGraph.UNLIMITED));
            between.andNot(items);
            int[][] frontier = new int[n][];
            for (int v : topo) {
                if (between.get(v)) {
                    frontier[v] = nearest(v, frontier);
                } else if (items.get(v)) {
                    preds[v] = nearest(v, frontier);
                }
            }
        }

        private int[] nearest(int v, int[][] frontier) {
            int[] parents = graph.parentIndices(v);
            int[] out = new int[parents.length];
            int size = 0;
            boolean merged = false;
            for (int p : parents) {
                if (items.get(p)) {
                    out = append(out, size++, p);
                } else if (frontier[p] != null) {
                    for (int f : frontier[p]) {
                        out = append(out, size++, f);
                        merged = true;
                    }
                }
            }
            int[] result = Arrays.copyOf(out, size);
            if (merged) {
                result = Arrays.stream(result).distinct().toArray();
            }
            return result;
        }

        private static int[] append(int[] array, int size, int value) {
            int[] out = size < array.length ? array : Arrays.copyOf(array, Math.max(4, array.length * 2));
            out[size] = value;
            return out;
        }

        /** The primary nodes in the split mode's order; a negative entry {@code -1} marks a forced cut. */
        private int[] order() {
            List<Integer> primaries = new ArrayList<>();
            for (int v : topo) {
                if (items.get(v) && !companion[v]) {
                    primaries.add(v);
                }
            }
            return switch (options.split()) {
                case WAVES -> waves(primaries);
                case LINEAGE -> lineage(primaries);
                case FOLDER, TAG, GROUP -> byKey(primaries);
            };
        }

        private int[] waves(List<Integer> primaries) {
            int[] wave = new int[n];
            for (int v : primaries) { // topological, so predecessors have their wave
                int w = 0;
                for (int p : preds[v]) {
                    w = Math.max(w, wave[p] + 1);
                }
                wave[v] = w;
            }
            List<Integer> sorted = new ArrayList<>(primaries);
            sorted.sort(
                    (a, b) -> wave[a] != wave[b] ? Integer.compare(wave[a], wave[b]) : Integer.compare(pos[a], pos[b]));
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < sorted.size(); k++) {
                if (k > 0 && wave[sorted.get(k)] != wave[sorted.get(k - 1)]) {
                    out.add(-1);
                }
                out.add(sorted.get(k));
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Depth first over the selection's own dependencies: each branch is followed down before the next starts. */
        private int[] lineage(List<Integer> primaries) {
            Map<Integer, List<Integer>> children = new HashMap<>();
            int[] waiting = new int[n];
            for (int v : primaries) {
                for (int p : preds[v]) {
                    children.computeIfAbsent(p, k -> new ArrayList<>()).add(v);
                }
                waiting[v] = preds[v].length;
            }
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            for (int k = primaries.size() - 1; k >= 0; k--) {
                if (waiting[primaries.get(k)] == 0) {
                    stack.push(primaries.get(k));
                }
            }
            int[] out = new int[primaries.size()];
            int size = 0;
            while (!stack.isEmpty()) {
                int v = stack.pop();
                out[size++] = v;
                List<Integer> ready = new ArrayList<>();
                for (int c : children.getOrDefault(v, List.of())) {
                    if (--waiting[c] == 0) {
                        ready.add(c);
                    }
                }
                ready.sort((a, b) -> Integer.compare(pos[b], pos[a]));
                ready.forEach(stack::push);
            }
            return out;
        }

        /** Batches of one folder, tag set or group at a time, still in dependency order. */
        private int[] byKey(List<Integer> primaries) {
            String[] key = new String[n];
            int[] waiting = new int[n];
            Map<Integer, List<Integer>> children = new HashMap<>();
            for (int v : primaries) {
                key[v] = key(graph.nodeAt(v));
                for (int p : preds[v]) {
                    children.computeIfAbsent(p, k -> new ArrayList<>()).add(v);
                }
                waiting[v] = preds[v].length;
            }
            Map<String, PriorityQueue<Integer>> readyByKey = new TreeMap<>();
            PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> Integer.compare(pos[a], pos[b]));
            for (int v : primaries) {
                if (waiting[v] == 0) {
                    ready.add(v);
                    readyByKey
                            .computeIfAbsent(
                                    key[v], k -> new PriorityQueue<>((a, b) -> Integer.compare(pos[a], pos[b])))
                            .add(v);
                }
            }
            List<Integer> out = new ArrayList<>();
            String current = null;
            while (!ready.isEmpty()) {
                PriorityQueue<Integer> same = current == null ? null : readyByKey.get(current);
                int v;
                if (same != null && !same.isEmpty()) {
                    v = same.poll();
                    ready.remove(v);
                } else {
                    v = ready.poll();
                    readyByKey.get(key[v]).remove(v);
                    if (current != null) {
                        out.add(-1);
                    }
                    current = key[v];
                }
                out.add(v);
                for (int c : children.getOrDefault(v, List.of())) {
                    if (--waiting[c] == 0) {
                        ready.add(c);
                        readyByKey
                                .computeIfAbsent(
                                        key[c], k -> new PriorityQueue<>((a, b) -> Integer.compare(pos[a], pos[b])))
                                .add(c);
                    }
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private String key(Node node) {
            return switch (options.split()) {
                case FOLDER -> {
                    String path = node.location().originalFilePath();
                    int slash = path.lastIndexOf('/');
                    yield slash < 0 ? "." : path.substring(0, slash);
                }
                case TAG ->
                    node.tags().isEmpty()
                            ? ""
                            : String.join(",", node.tags().stream().sorted().toList());
                case GROUP -> node.details().group().orElse("");
                default -> "";
            };
        }

        /** Fills batches along the order. */
        private List<Batch> pack(int[] order) {
            int[] position = new int[n];
            Arrays.fill(position, -1);
            int at = 0;
            for (int v : order) {
                if (v >= 0) {
                    position[v] = at++;
                }
            }
            Map<Integer, List<Integer>> companionsOf = new HashMap<>();
            for (int v : topo) {
                if (items.get(v) && companion[v]) {
                    int owner = -1;
                    for (int p : preds[v]) {
                        if (companion[p]) {
                            continue;
                        }
                        if (owner < 0 || position[p] > position[owner]) {
                            owner = p;
                        }
                    }
                    companionsOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(v);
                }
            }
            boolean[] chainStart = new boolean[order.length];
            int[] chainCount = new int[order.length];
            if (options.split() == SplitMode.LINEAGE) {
                int start = -1;
                for (int k = 0; k < order.length; k++) {
                    int v = order[k];
                    boolean continues = k > 0 && contains(preds[v], order[k - 1]);
                    if (!continues) {
                        start = k;
                        chainStart[k] = true;
                    }
                    chainCount[start]++;
                }
            }
            List<Batch> batches = new ArrayList<>();
            Open open = new Open();
            for (int k = 0; k < order.length; k++) {
                int v = order[k];
                if (v < 0) {
                    open.close(batches);
                    continue;
                }
                List<Integer> unit = new ArrayList<>();
                unit.add(v);
                unit.addAll(companionsOf.getOrDefault(v, List.of()));
                if (fullRefresh.get(v) || heavy.get(v)) {
                    open.close(batches);
                    open.add(unit);
                    open.close(batches);
                    continue;
                }
                if (chainStart[k] && !open.isEmpty() && chainCount[k] > 1) {
                    List<Integer> chain = new ArrayList<>();
                    for (int j = k; j < k + chainCount[k]; j++) {
                        chain.add(order[j]);
                        chain.addAll(companionsOf.getOrDefault(order[j], List.of()));
                    }
                    boolean fitsAlone = chainCount[k] <= maxNodes && open.trial(chain, true) <= maxSeconds;
                    boolean fitsHere =
                            open.primaries + chainCount[k] <= maxNodes && open.trial(chain, false) <= maxSeconds;
                    if (fitsAlone && !fitsHere) {
                        open.close(batches);
                    }
                }
                if (!open.isEmpty() && (open.primaries + 1 > maxNodes || open.trial(unit, false) > maxSeconds)) {
                    open.close(batches);
                }
                open.add(unit);
                if (open.primaries == 1 && open.makespan > maxSeconds) {
                    open.close(batches); // alone and over budget: nothing else may join it
                }
            }
            open.close(batches);
            return batches;
        }

        private static boolean contains(int[] array, int value) {
            for (int x : array) {
                if (x == value) {
                    return true;
                }
            }
            return false;
        }

        /** The batch being filled: its members and a list schedule of them on the thread count. */
        private final class Open {
            private final List<Integer> members = new ArrayList<>();
            private final BitSet in = new BitSet(n);
            private final double[] finish = new double[n];
            private double[] free = new double[threads];
            private double makespan;
            private int primaries;

            boolean isEmpty() {
                return members.isEmpty();
            }

            /** The makespan the batch would have with the nodes added, or that they would have in a new batch. */
            double trial(List<Integer> unit, boolean alone) {
                double[] threadsFree = alone ? new double[threads] : free.clone();
                Map<Integer, Double> done = new HashMap<>();
                double span = alone ? 0 : makespan;
                for (int v : unit) {
                    double end = schedule(v, threadsFree, done, !alone);
                    done.put(v, end);
                    span = Math.max(span, end);
                }
                return span;
            }

            void add(List<Integer> unit) {
                Map<Integer, Double> done = new HashMap<>();
                for (int v : unit) {
                    double end = schedule(v, free, done, true);
                    done.put(v, end);
                    finish[v] = end;
                    in.set(v);
                    members.add(v);
                    makespan = Math.max(makespan, end);
                    if (!companion[v]) {
                        primaries++;
                    }
                }
            }

            private double schedule(int v, double[] threadsFree, Map<Integer, Double> pending, boolean withOpen) {
                double ready = 0;
                for (int p : preds[v]) {
                    Double tentative = pending.get(p);
                    if (tentative != null) {
                        ready = Math.max(ready, tentative);
                    } else if (withOpen && in.get(p)) {
                        ready = Math.max(ready, finish[p]);
                    }
                }
                int thread = 0;
                for (int t = 1; t < threadsFree.length; t++) {
                    if (threadsFree[t] < threadsFree[thread]) {
                        thread = t;
                    }
                }
                double end = Math.max(ready, threadsFree[thread]) + cost[v];
                threadsFree[thread] = end;
                return end;
            }

            void close(List<Batch> batches) {
                if (members.isEmpty()) {
                    return;
                }
                batches.add(batch(batches.size() + 1, members, makespan));
                members.clear();
                in.clear();
                free = new double[threads];
                makespan = 0;
                primaries = 0;
            }
        }

        private Batch batch(int number, List<Integer> members, double makespan) {
            EnumSet<BatchFlag> flags = EnumSet.noneOf(BatchFlag.class);
            List<String> notes = new ArrayList<>();
            List<PlannedNode> nodes = new ArrayList<>();
            int primaries = 0;
            for (int v : members) {
                Node node = graph.nodeAt(v);
                nodes.add(new PlannedNode(
                        node.id(),
                        node.type(),
                        NodeNames.name(node),
                        selectors.selectorFor(node.id()),
                        estimates[v],
                        companion[v],
                        heavy.get(v),
                        fullRefresh.get(v)));
                if (!companion[v]) {
                    primaries++;
                }
                if (heavy.get(v)) {
                    flags.add(BatchFlag.HEAVY);
                    notes.add(
                            fullRefresh.get(v)
                                    ? "Full refresh of incremental model " + node.name() + " (estimate "
                                            + Durations.format(estimates[v].duration())
                                            + "): a scheduled operation, run it"
                                            + " in a quiet window."
                                    : node.name() + " is heavy (estimate " + Durations.format(estimates[v].duration())
                                            + "), so it runs alone.");
                }
                if (fullRefresh.get(v)) {
                    flags.add(BatchFlag.FULL_REFRESH);
                    if (node.config().fullRefresh().filter(b -> !b).isPresent()) {
                        notes.add(node.name() + " sets config full_refresh: false, so dbt ignores --full-refresh for"
                                + " it.");
                    }
                }
            }
            Duration estimated = Duration.ofNanos(Math.round(makespan * 1e9));
            if (primaries == 1 && makespan > maxSeconds) {
                flags.add(BatchFlag.OVER_BUDGET);
                notes.add("Estimated " + Durations.format(estimated) + " on its own, over the "
                        + Durations.format(options.maxDuration().orElseThrow()) + " budget per batch.");
            } else if (makespan > maxSeconds || primaries > maxNodes) {
                // only a batch grouped by hand holds more than the limits allow
                flags.add(BatchFlag.OVER_BUDGET);
                notes.add(
                        makespan > maxSeconds
                                ? "Estimated " + Durations.format(estimated) + ", over the "
                                        + Durations.format(options.maxDuration().orElseThrow()) + " budget per batch."
                                : primaries + " nodes, over the limit of " + maxNodes + " per batch.");
            }
            return new Batch(number, nodes, estimated, flags, notes, command(members, flags));
        }

        /**
         * The dbt invocation that selects exactly the batch: its non-test nodes by name, and its tests through dbt's
         * indirect selection where that picks the right ones, listed or excluded by name where it does not.
         */
        private DbtCommand command(List<Integer> members, Set<BatchFlag> flags) {
            BitSet wanted = new BitSet(n);
            List<Integer> named = new ArrayList<>();
            for (int v : members) {
                wanted.set(v);
                if (!graph.nodeAt(v).type().isTest()) {
                    named.add(v);
                }
            }
            BitSet namedSet = new BitSet(n);
            named.forEach(namedSet::set);
            BitSet testChildren = new BitSet(n);
            BitSet children = graph.children(namedSet);
            for (int c = children.nextSetBit(0); c >= 0; c = children.nextSetBit(c + 1)) {
                if (graph.nodeAt(c).type().isTest()
                        && options.verb().runs(graph.nodeAt(c).type())) {
                    testChildren.set(c);
                }
            }
            BitSet cautious = new BitSet(n);
            for (int c = testChildren.nextSetBit(0); c >= 0; c = testChildren.nextSetBit(c + 1)) {
                if (graph.parentsWithin(c, namedSet)) {
                    cautious.set(c);
                }
            }
            String[] modes = {"eager", "cautious", "empty"};
            BitSet[] picks = {testChildren, cautious, new BitSet(n)};
            int best = 0;
            int bestCost = Integer.MAX_VALUE;
            BitSet tests = new BitSet(n);
            for (int v : members) {
                if (graph.nodeAt(v).type().isTest()) {
                    tests.set(v);
                }
            }
            for (int m = 0; m < modes.length; m++) {
                BitSet extra = (BitSet) picks[m].clone();
                extra.andNot(tests);
                BitSet missing = (BitSet) tests.clone();
                missing.andNot(picks[m]);
                int c = extra.cardinality() + missing.cardinality();
                if (c < bestCost) {
                    best = m;
                    bestCost = c;
                }
            }
            BitSet extra = (BitSet) picks[best].clone();
            extra.andNot(tests);
            BitSet missing = (BitSet) tests.clone();
            missing.andNot(picks[best]);

            List<String> argv = new ArrayList<>();
            argv.add(options.executable());
            argv.add(options.verb().dbtName());
            argv.add("--select");
            for (int v : named) {
                argv.add(selectors.selectorFor(graph.nodeAt(v).id()));
            }
            for (int v : members) {
                if (missing.get(v)) {
                    argv.add(selectors.selectorFor(graph.nodeAt(v).id()));
                }
            }
            if (!extra.isEmpty()) {
                argv.add("--exclude");
                for (int v = extra.nextSetBit(0); v >= 0; v = extra.nextSetBit(v + 1)) {
                    argv.add(selectors.selectorFor(graph.nodeAt(v).id()));
                }
            }
            if (best != 0) {
                argv.add("--indirect-selection");
                argv.add(modes[best]);
            }
            if (flags.contains(BatchFlag.FULL_REFRESH)) {
                argv.add("--full-refresh");
            }
            options.target().ifPresent(t -> {
                argv.add("--target");
                argv.add(t);
            });
            options.vars().ifPresent(v -> {
                argv.add("--vars");
                argv.add(v);
            });
            options.threads().ifPresent(t -> {
                argv.add("--threads");
                argv.add(Integer.toString(t));
            });
            options.deferState().ifPresent(dir -> {
                argv.add("--defer");
                argv.add("--state");
                argv.add(dir);
                if (options.favorState()) {
                    argv.add("--favor-state");
                }
            });
            return new DbtCommand(argv);
        }

        /** The longest chain by estimate through the plan's nodes and their transitive dependencies. */
        private CriticalPath criticalPath() {
            double[] best = new double[n];
            int[] via = new int[n];
            int end = -1;
            for (int v : topo) {
                if (!items.get(v)) {
                    continue;
                }
                via[v] = -1;
                double before = 0;
                for (int p : preds[v]) {
                    if (via[v] < 0 || best[p] > before) {
                        before = best[p];
                        via[v] = p;
                    }
                }
                best[v] = before + cost[v];
                if (end < 0 || best[v] > best[end]) {
                    end = v;
                }
            }
            if (end < 0) {
                return CriticalPath.EMPTY;
            }
            List<NodeId> path = new ArrayList<>();
            for (int v = end; v >= 0; v = via[v]) {
                path.add(graph.nodeAt(v).id());
            }
            return new CriticalPath(path.reversed(), Duration.ofNanos(Math.round(best[end] * 1e9)));
        }
    }
}
