// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incident subgraphs of the review-picture benchmark (ADR 0010), built the way the {@code report} command builds
 * its picture: the nodes a selection gives, tests left out unless they failed, errored or warned, numbered in lineage
 * index order, and one edge per parent inside the set in {@code parentIndices} order. This repeats the node filter
 * and edge order of {@code app}'s {@code IncidentPicture.of}, which the {@code graph} module cannot call.
 */
final class IncidentSubgraphs {

    /** The test states a review picture keeps (IncidentPicture's {@code TESTS_SHOWN}). */
    private static final Set<NodeState> TESTS_SHOWN = EnumSet.of(NodeState.ERROR, NodeState.FAIL, NodeState.WARN);

    /** A date after every fixture's run; only source ages depend on it, and the picture does not show them. */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /**
     * One incident picture's graph.
     *
     * @param label the name in the table
     * @param selector what {@code report --select} takes to draw the same nodes, empty for a preset
     * @param graph the graph the layout gets
     * @param nodes the node of each layout index
     * @param states the state of each layout index
     */
    record IncidentCase(String label, String selector, LayoutGraph graph, List<Node> nodes, List<NodeState> states) {}

    private IncidentSubgraphs() {}

    /** Loads a project folder's {@code target/} artifacts with their status. */
    static LoadedProject load(Path projectDir) throws Exception {
        return LoadedProject.of(new ArtifactLoader().loadProject(projectDir), NOW);
    }

    /** Loads a folder holding {@code manifest.json}, {@code run_results.json} and {@code sources.json}. */
    static LoadedProject loadArtifacts(Path dir) throws Exception {
        return LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                dir.resolve("manifest.json"),
                                List.of(dir.resolve("run_results.json")),
                                List.of(dir.resolve("sources.json"))),
                NOW);
    }

    /** The presets of a loaded project, without state. */
    static RescuePresets presets(LoadedProject project) {
        return new RescuePresets(project, ExactSelectors.of(project.graph()), SelectionState.NONE);
    }

    /** The graph of a picture of {@code nodes}, as IncidentPicture builds it. */
    static IncidentCase of(String label, String selector, ProjectStatus status, Collection<NodeId> nodes) {
        LineageGraph graph = status.graph();
        BitSet shown = new BitSet(graph.size());
        for (NodeId id : nodes) {
            if (graph.contains(id) && isShown(status, graph.nodeAt(graph.indexOf(id)))) {
                shown.set(graph.indexOf(id));
            }
        }
        int[] global = shown.stream().toArray();
        int[] local = new int[graph.size()];
        List<Node> picked = new ArrayList<>();
        List<NodeState> states = new ArrayList<>();
        for (int i = 0; i < global.length; i++) {
            local[global[i]] = i;
            picked.add(graph.nodeAt(global[i]));
            states.add(status.stateOf(graph.nodeAt(global[i]).id()));
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < global.length; i++) {
            for (int parent : graph.parentIndices(global[i])) {
                if (shown.get(parent)) {
                    edges.add(new int[] {local[parent], i});
                }
            }
        }
        LayoutGraph layoutGraph = LayoutGraph.of(
                global.length,
                edges.stream().mapToInt(e -> e[0]).toArray(),
                edges.stream().mapToInt(e -> e[1]).toArray());
        return new IncidentCase(label, selector, layoutGraph, picked, states);
    }

    private static boolean isShown(ProjectStatus status, Node node) {
        return node.type() != NodeType.TEST && node.type() != NodeType.UNIT_TEST
                || TESTS_SHOWN.contains(status.stateOf(node.id()));
    }

    /**
     * Downstream pictures of single incident roots, one per wanted size: for each root the picture of
     * {@code <root>+} (what {@code report --select <root>+} draws), and for each size the root whose picture has the
     * nearest node count, each root at most once. Ties go to the smaller unique_id, so the pick is deterministic.
     *
     * @param kind what the roots are, for the label
     * @param roots the candidate roots
     */
    static List<IncidentCase> downstreamOf(LoadedProject project, String kind, Set<NodeId> roots, int[] sizes)
            throws Exception {
        ProjectStatus status = project.status();
        TreeMap<NodeId, Integer> sizeByRoot = new TreeMap<>();
        roots.forEach(root -> sizeByRoot.put(root, shownDownstream(status, root)));
        ExactSelectors selectors = ExactSelectors.of(project.graph());
        RescuePresets presets = presets(project);
        List<IncidentCase> cases = new ArrayList<>();
        Set<NodeId> used = new HashSet<>();
        for (int size : sizes) {
            NodeId best = null;
            for (var entry : sizeByRoot.entrySet()) {
                if (!used.contains(entry.getKey())
                        && (best == null
                                || Math.abs(entry.getValue() - size) < Math.abs(sizeByRoot.get(best) - size))) {
                    best = entry.getKey();
                }
            }
            if (best != null) {
                used.add(best);
                String selector = selectors.selectorFor(best) + "+";
                List<NodeId> nodes = presets.select(List.of(selector), List.of(), IndirectSelection.EAGER)
                        .nodes();
                String name = best.value().substring(best.value().lastIndexOf('.') + 1);
                cases.add(of(kind + " " + name + "+", selector, status, nodes));
            }
        }
        return cases;
    }

    /**
     * The starting node of every failure, as the failed preset takes it: the failed node, or the node a failed test
     * is attached to (else its buildable parents); stale sources are the stale preset's.
     */
    static Set<NodeId> failureRoots(LoadedProject project) {
        Set<NodeId> roots = new TreeSet<>();
        for (Failure failure : new FailureAnalyzer().analyze(project.status()).failures()) {
            roots.addAll(startingNode(project.graph(), project.graph().requireNode(failure.node())));
        }
        return roots;
    }

    /** Sources whose last freshness check warned or errored (the stale preset's "freshness problems"). */
    static Set<NodeId> staleSources(LoadedProject project) {
        Set<NodeId> roots = new TreeSet<>();
        project.status().sourceFreshness().forEach((id, freshness) -> {
            FreshnessStatus fs = freshness.result().status();
            if (fs == FreshnessStatus.WARN || fs == FreshnessStatus.ERROR || fs == FreshnessStatus.RUNTIME_ERROR) {
                roots.add(id);
            }
        });
        return roots;
    }

    /** The node whose downstream a failure puts in the picture: itself, or for a test the node it tests. */
    private static List<NodeId> startingNode(LineageGraph graph, Node failed) {
        if (failed.type() == NodeType.SOURCE) {
            return List.of();
        }
        if (!failed.type().isTest()) {
            return List.of(failed.id());
        }
        var attached = failed.details().test().flatMap(t -> t.attachedNode());
        if (attached.isPresent()
                && graph.contains(attached.get())
                && graph.requireNode(attached.get()).type().isBuildable()) {
            return List.of(attached.get());
        }
        List<NodeId> parents = new ArrayList<>();
        for (NodeId parent : graph.parentsOf(failed.id())) {
            if (graph.requireNode(parent).type().isBuildable()) {
                parents.add(parent);
            }
        }
        return parents;
    }

    /** How many nodes the picture of {@code root+} shows (an estimate: eager test selection is not applied). */
    private static int shownDownstream(ProjectStatus status, NodeId root) {
        LineageGraph graph = status.graph();
        BitSet start = new BitSet(graph.size());
        start.set(graph.indexOf(root));
        BitSet all = graph.descendants(start, LineageGraph.UNLIMITED);
        all.or(start);
        return (int) all.stream().filter(v -> isShown(status, graph.nodeAt(v))).count();
    }
}
