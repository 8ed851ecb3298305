// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.CyclicDependencyException;
import dev.dbtrescue.graph.Dependency;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.FreshnessResult;
import dev.dbtrescue.graph.manifest.LoadWarning;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A project ready to show: its artifacts, lineage graph, merged status and the warnings found while putting them
 * together (results for unknown nodes, dangling dependencies, an inconsistent {@code parent_map}, an empty project).
 *
 * @param artifacts the artifacts as read
 * @param graph the lineage graph of the manifest
 * @param status the merged status
 * @param warnings what the user should know, in the order found
 */
public record LoadedProject(
        ProjectArtifacts artifacts, LineageGraph graph, ProjectStatus status, List<LoadWarning> warnings) {

    public LoadedProject {
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
    }

    /**
     * Builds the graph and status of read artifacts.
     *
     * @param now the moment ages are measured against
     * @throws ArtifactException if the manifest's dependencies form a cycle
     */
    public static LoadedProject of(ProjectArtifacts artifacts, Instant now) throws ArtifactException {
        return of(artifacts, graphOf(artifacts), now);
    }

    /**
     * The lineage graph of read artifacts' manifest: the first step of {@link #of(ProjectArtifacts, Instant)}, for
     * callers that start other work on the graph while the status is merged.
     *
     * @throws ArtifactException if the manifest's dependencies form a cycle
     */
    public static LineageGraph graphOf(ProjectArtifacts artifacts) throws ArtifactException {
        Manifest manifest = artifacts.manifest();
        try {
            return LineageGraph.of(manifest.nodes().values());
        } catch (CyclicDependencyException e) {
            throw new ArtifactException(
                    fileOf(manifest),
                    "the depends_on of " + e.involved().size() + " resources form a cycle (e.g. "
                            + e.involved().subList(0, Math.min(3, e.involved().size()))
                            + "), which dbt never writes",
                    "Regenerate the manifest with `dbt parse`; it is corrupt or was edited by hand",
                    e);
        }
    }

    /**
     * The status of read artifacts on their graph, which must be {@link #graphOf} of the same artifacts.
     *
     * @param now the moment ages are measured against
     */
    public static LoadedProject of(ProjectArtifacts artifacts, LineageGraph graph, Instant now) {
        Manifest manifest = artifacts.manifest();
        String manifestFile = fileOf(manifest);
        ProjectStatus status = ProjectStatus.of(graph, artifacts.runResults(), artifacts.sources(), now);
        List<LoadWarning> warnings = new ArrayList<>();
        if (graph.nodes().stream()
                .noneMatch(n -> n.type().isBuildable() || n.type() == dev.dbtrescue.graph.NodeType.SOURCE)) {
            warnings.add(new LoadWarning(
                    manifestFile,
                    "the project has no models, seeds, snapshots or sources, so there is nothing to show; "
                            + "add models and run `dbt parse`, or open another project"));
        }
        dangling(graph, manifestFile, warnings);
        parentMapMismatch(manifest, graph, manifestFile, warnings);
        Set<NodeResult> unknownResults = Set.copyOf(status.unknownResults());
        for (RunResults run : artifacts.runResults()) {
            unknownResults(run, unknownResults, manifest, warnings);
        }
        Set<FreshnessResult> unknownFreshness = Set.copyOf(status.unknownFreshness());
        for (SourceFreshnessResults file : artifacts.sources()) {
            unknownFreshness(file, unknownFreshness, warnings);
        }
        return new LoadedProject(artifacts, graph, status, warnings);
    }

    private static String fileOf(Manifest manifest) {
        return manifest.file().map(Path::toString).orElse("manifest.json");
    }

    private static void dangling(LineageGraph graph, String file, List<LoadWarning> warnings) {
        List<Dependency> dangling = graph.danglingDependencies();
        if (!dangling.isEmpty()) {
            warnings.add(new LoadWarning(
                    file,
                    dangling.size() + " depends_on entries name resources that are not in the manifest (e.g. "
                            + dangling.get(0).child() + " depends on "
                            + dangling.get(0).parent()
                            + "); those edges are not shown"));
        }
    }

    private static void parentMapMismatch(
            Manifest manifest, LineageGraph graph, String file, List<LoadWarning> warnings) {
        if (manifest.parentMap().isEmpty()) {
            return;
        }
        int differing = 0;
        NodeId example = null;
        // by the map's entries and node indices: on a 15,000-model manifest the lookups by id and the lists of ids
        // made this check about 100 ms of the time to open the project
        for (Map.Entry<NodeId, List<NodeId>> entry : manifest.parentMap().get().entrySet()) {
            NodeId id = entry.getKey();
            if (!graph.contains(id)) {
                continue;
            }
            if (!sameMembers(graph, entry.getValue(), graph.parentIndices(graph.indexOf(id)))) {
                differing++;
                if (example == null || id.compareTo(example) < 0) {
                    example = id;
                }
            }
        }
        if (differing > 0) {
            warnings.add(new LoadWarning(
                    file,
                    "parent_map disagrees with depends_on for " + differing + " nodes (e.g. " + example
                            + "); the graph follows depends_on, as dbt's selection does"));
        }
    }

    /** Whether the ids listed name the same set of nodes as the parents' indices (duplicates do not count). */
    private static boolean sameMembers(LineageGraph graph, List<NodeId> listed, int[] parents) {
        int[] named = new int[listed.size()];
        for (int k = 0; k < named.length; k++) {
            NodeId parent = listed.get(k);
            if (!graph.contains(parent)) {
                return false; // a parent the graph does not have is never among its parents
            }
            named[k] = graph.indexOf(parent);
        }
        return Arrays.equals(distinct(named), distinct(parents));
    }

    private static int[] distinct(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[n++] = sorted[k];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    private static void unknownResults(
            RunResults run, Set<NodeResult> unknown, Manifest manifest, List<LoadWarning> warnings) {
        List<NodeResult> mine = run.results().stream().filter(unknown::contains).toList();
        if (mine.isEmpty()) {
            return;
        }
        String message = mine.size() == run.results().size()
                ? "none of its " + mine.size() + " results name a node of the manifest of project '"
                        + manifest.projectName() + "' (e.g. " + mine.get(0).id()
                        + "): it comes from another project or a different state of this one; its statuses are ignored"
                : mine.size() + " of its " + run.results().size() + " results name nodes not in the manifest (e.g. "
                        + mine.get(0).id() + "): they were renamed, removed or disabled since that run; "
                        + "those results are ignored";
        warnings.add(new LoadWarning(run.source(), message));
    }

    private static void unknownFreshness(
            SourceFreshnessResults file, Set<FreshnessResult> unknown, List<LoadWarning> warnings) {
        long count = file.results().stream().filter(unknown::contains).count();
        if (count > 0) {
            warnings.add(new LoadWarning(
                    file.source(),
                    count + " of its " + file.results().size()
                            + " freshness results name sources not in the manifest; they are ignored"));
        }
    }
}
