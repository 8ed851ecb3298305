// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.RunResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The results of one dbt invocation that its log did not report: read from the run_results.json it wrote, provided
 * the file is that invocation's (dbt overwrites it on every run, and a killed dbt writes none).
 */
final class ArtifactResults {

    private ArtifactResults() {}

    /**
     * @param runResults the fetched run_results.json
     * @param invocationId the invocation whose results are wanted
     * @param wanted the nodes the invocation was to run
     * @param seen nodes already recorded; the results returned are added to it
     * @return the results of wanted nodes not seen yet, in file order; empty if the file is missing, unreadable or of
     *     another invocation
     */
    static List<NodeResult> unseen(Path runResults, String invocationId, Collection<String> wanted, Set<String> seen) {
        Optional<RunResults> results = read(runResults);
        if (results.isEmpty() || !results.get().invocationId().equals(invocationId)) {
            return List.of();
        }
        Set<String> want = new HashSet<>(wanted);
        return results.get().results().stream()
                .filter(r -> want.contains(r.id().value()) && seen.add(r.id().value()))
                .toList();
    }

    private static Optional<RunResults> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunResultsReader().read(file));
        } catch (ArtifactException e) {
            return Optional.empty(); // a dbt killed mid-write
        }
    }
}
