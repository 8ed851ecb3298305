// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What a plan was made from, recorded in the plan so that it can be checked against the project it is run on.
 *
 * @param project the dbt project name
 * @param manifestGeneratedAt the manifest's {@code generated_at}, as written
 * @param dbtVersion the dbt version that wrote the manifest, when recorded
 * @param preset {@code failed}, {@code modified}, {@code stale} or {@code select}
 * @param select the dbt selector the nodes came from
 * @param exclude the exclusion, empty when none
 * @param stateDir the state folder compared against, when one was used
 */
public record PlanSource(
        String project,
        String manifestGeneratedAt,
        Optional<String> dbtVersion,
        String preset,
        String select,
        String exclude,
        Optional<String> stateDir) {

    public PlanSource {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(manifestGeneratedAt, "manifestGeneratedAt");
        Objects.requireNonNull(dbtVersion, "dbtVersion");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(exclude, "exclude");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
