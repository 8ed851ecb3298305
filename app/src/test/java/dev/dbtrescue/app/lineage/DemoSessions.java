// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.select.SelectionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions on the demo project's committed artifacts of a real failed dbt build. */
final class DemoSessions {

    /** A moment after the demo's runs, so ages are stable. */
    static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    private DemoSessions() {}

    /** The failed build, without state. */
    static ProjectSession failed() {
        return open(SelectionState.NONE, Optional.empty());
    }

    /** The failed build with the production manifest as state. */
    static ProjectSession failedWithState() {
        Path state = Fixtures.demo("state/prod");
        try {
            return open(StateFolder.read(state, Optional.empty()), Optional.of(state.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProjectSession open(SelectionState state, Optional<String> stateOrigin) {
        Path dir = Fixtures.demo("failed-build");
        try {
            return ProjectSession.of(
                    "demo",
                    new ArtifactLoader()
                            .load(
                                    dir.resolve("manifest.json"),
                                    List.of(dir.resolve("run_results.json")),
                                    List.of(dir.resolve("sources.json"))),
                    state,
                    stateOrigin,
                    NOW);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
