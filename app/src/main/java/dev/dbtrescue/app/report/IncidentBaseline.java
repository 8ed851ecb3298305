// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.journal.Journal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The incident as it stood before dbt-rescue repaired it. Once the window has merged the results of its recovery runs
 * into the project, the merged status no longer shows what failed; the report and the picture should still tell the
 * incident. The recovery runs are known by the dbt invocations their journals recorded.
 */
public final class IncidentBaseline {

    private IncidentBaseline() {}

    /**
     * The project with the run results of the journals' invocations left out; empty when none of them is loaded, or
     * when nothing else would be left (then the loaded results are all there is to tell).
     *
     * @param now the moment ages are measured against
     */
    public static Optional<LoadedProject> before(LoadedProject project, List<Journal> journals, Instant now) {
        Set<String> recovery = new HashSet<>();
        journals.forEach(j -> j.attempts().forEach(a -> a.invocationId().ifPresent(recovery::add)));
        List<RunResults> all = project.artifacts().runResults();
        List<RunResults> before =
                all.stream().filter(r -> !recovery.contains(r.invocationId())).toList();
        if (before.size() == all.size() || before.isEmpty()) {
            return Optional.empty();
        }
        ProjectArtifacts artifacts = project.artifacts();
        try {
            return Optional.of(
                    LoadedProject.of(new ProjectArtifacts(artifacts.manifest(), before, artifacts.sources()), now));
        } catch (ArtifactException e) {
            // the same manifest loaded once already: it has no cycle
            throw new IllegalStateException(e);
        }
    }
}
