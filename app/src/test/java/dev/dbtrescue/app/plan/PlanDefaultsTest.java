// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.settings.PlanDefaults;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.select.SelectionState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan panel's default constraints: saved from the panel, and what every project opens with. */
class PlanDefaultsTest {

    private static final PlanDefaults SAVED =
            new PlanDefaults(25, 40, 8, "waves", "run", "prod", "{as_of_date: 2026-01-01}", false);

    @TempDir
    Path tmp;

    private static PlanDefaults shown(PlanViewModel vm) {
        return new PlanDefaults(
                vm.maxNodesProperty().get(),
                vm.maxMinutesProperty().get(),
                vm.threadsProperty().get(),
                vm.splitProperty().get(),
                vm.commandProperty().get(),
                vm.targetProperty().get(),
                vm.varsProperty().get(),
                vm.deferProperty().get());
    }

    /** The demo's failed build, opened from {@code origin} (the project's key). */
    static ProjectSession opened(String origin) throws Exception {
        Path dir = Fixtures.demo("failed-build");
        var artifacts = new ArtifactLoader()
                .load(
                        dir.resolve("manifest.json"),
                        List.of(dir.resolve("run_results.json")),
                        List.of(dir.resolve("sources.json")));
        return ProjectSession.of(
                origin, artifacts, SelectionState.NONE, Optional.empty(), TestSessions.NOW, ProjectPlace.NONE);
    }

    @Test
    void aNewPanelStartsFromTheSavedDefaults() {
        SettingsStore store = SettingsStore.inMemory();
        store.update(s -> s.withPlanDefaults(SAVED));

        var vm = new PlanViewModel(Runnable::run, Runnable::run, store);

        assertEquals(SAVED, shown(vm));
        assertEquals("", vm.fullRefreshProperty().get());
    }

    @Test
    void theConstraintsAreSavedAsDefaultsWithoutTheFullRefreshNames() {
        Path file = tmp.resolve("settings.json");
        try (SettingsStore store = SettingsStore.load(file)) {
            var vm = new PlanViewModel(Runnable::run, Runnable::run, store);
            vm.maxNodesProperty().set(25);
            vm.maxMinutesProperty().set(40);
            vm.threadsProperty().set(8);
            vm.splitProperty().set("waves");
            vm.commandProperty().set("run");
            vm.targetProperty().set(" prod ");
            vm.varsProperty().set("{as_of_date: 2026-01-01}");
            vm.fullRefreshProperty().set("orders");

            vm.saveAsDefaults();

            assertEquals(
                    "Saved these constraints as the defaults every project opens with (not the full refresh names:"
                            + " they belong to this project)",
                    vm.messageProperty().get());
        }
        assertEquals(SAVED, SettingsStore.load(file).current().planDefaults(), "read back from the file");
    }

    @Test
    void anotherProjectOpensWithTheDefaultsWhileAReloadKeepsTheConstraints() throws Exception {
        SettingsStore store = SettingsStore.inMemory();
        store.update(s -> s.withPlanDefaults(SAVED));
        var vm = new PlanViewModel(Runnable::run, Runnable::run, store);
        vm.setSession(opened("/srv/shop"));
        vm.maxNodesProperty().set(3);
        vm.fullRefreshProperty().set("orders");

        vm.setSession(opened("/srv/shop")); // read again after a run
        assertEquals(3, vm.maxNodesProperty().get());
        assertEquals("orders", vm.fullRefreshProperty().get());

        vm.setSession(opened("ssh analytics@gw /srv/other"));
        assertEquals(SAVED, shown(vm));
        assertEquals("", vm.fullRefreshProperty().get());
    }

    @Test
    void aSavedSplitOrCommandThisVersionDoesNotKnowFallsBackToTheStandardOne() {
        SettingsStore store = SettingsStore.inMemory();
        store.update(s -> s.withPlanDefaults(new PlanDefaults(0, 0, 0, "by-moon-phase", "compile", "", "", false)));

        var vm = new PlanViewModel(Runnable::run, Runnable::run, store);

        assertEquals("lineage", vm.splitProperty().get());
        assertEquals("build", vm.commandProperty().get());
    }
}
