// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import java.util.List;

/**
 * The triage of a project's state.
 *
 * @param failures failed nodes and stale sources, largest blast radius first
 * @param skipCauses every skipped node with its causes, sorted by node
 * @param staleSources sources whose freshness warns, errors or could not be measured, sorted by node
 */
public record FailureAnalysis(
        List<Failure> failures, List<SkipCause> skipCauses, List<SourceFreshnessProblem> staleSources) {

    public FailureAnalysis {
        failures = List.copyOf(failures);
        skipCauses = List.copyOf(skipCauses);
        staleSources = List.copyOf(staleSources);
    }
}
