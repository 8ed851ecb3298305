// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.select.SelectionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Sessions over the demo's failed build, and an executor that holds tasks until a test runs them. */
final class DemoSessions {

    static final Instant NOW = Instant.parse("2026-11-21T21:30:00Z");
    static final NodeId FAILED_MODEL = NodeId.of("model.rescue_shop.int_payments_converted");

    private DemoSessions() {}

    /** The failed build without state. */
    static ProjectSession failedBuild() throws ArtifactException {
        return failedBuild(SelectionState.NONE, Optional.empty());
    }

    /** The failed build compared with the production manifest of {@code state/prod}. */
    static ProjectSession failedBuildAgainstProd() throws ArtifactException {
        Path prod = Fixtures.demo("state/prod");
        return failedBuild(StateFolder.read(prod, Optional.empty()), Optional.of("state/prod"));
    }

    private static ProjectSession failedBuild(SelectionState state, Optional<String> stateOrigin)
            throws ArtifactException {
        Path dir = Fixtures.demo("failed-build");
        var artifacts = new ArtifactLoader()
                .load(
                        dir.resolve("manifest.json"),
                        List.of(dir.resolve("run_results.json")),
                        List.of(dir.resolve("sources.json")));
        return ProjectSession.of("test", artifacts, state, stateOrigin, NOW);
    }

    /** Holds submitted tasks until {@link #runAll()}, to prove work does not run on the caller's thread. */
    static final class Recording implements Executor {

        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            List<Runnable> tasks = List.copyOf(queued);
            queued.clear();
            tasks.forEach(Runnable::run);
        }
    }
}
