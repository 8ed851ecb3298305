// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.settings.SavedHost;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run panel's hosts and dbt executables: saved hosts and the ssh config's aliases offered, a saved host filling
 * its folder and dbt, each project's dbt remembered. A temporary ssh folder stands in for {@code ~/.ssh}.
 */
class RunHostsTest {

    @TempDir
    Path tmp;

    private final SettingsStore settings = SettingsStore.inMemory();
    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private Path ssh;

    @BeforeEach
    void sshFolder() throws Exception {
        ssh = Files.createDirectories(tmp.resolve("ssh"));
        Files.writeString(
                ssh.resolve("config"), "Host warehouse-gw\n  HostName 10.0.0.5\nHost *\n  User x\nHost build\n");
    }

    private RunViewModel viewModel() {
        return new RunViewModel(
                new RunStore(tmp.resolve("data")),
                SshSettings.inDirectory(ssh),
                s -> s,
                Runnable::run,
                fx::add,
                Clock.systemUTC(),
                settings);
    }

    private void runFxTasks() {
        for (Runnable task = fx.poll(); task != null; task = fx.poll()) {
            task.run();
        }
    }

    /** The demo's failed build, opened from {@code origin} (the project's key) and living at {@code place}. */
    private static ProjectSession opened(String origin, ProjectPlace place) throws Exception {
        Path dir = Fixtures.demo("failed-build");
        var artifacts = new ArtifactLoader()
                .load(
                        dir.resolve("manifest.json"),
                        List.of(dir.resolve("run_results.json")),
                        List.of(dir.resolve("sources.json")));
        return ProjectSession.of(origin, artifacts, SelectionState.NONE, Optional.empty(), TestSessions.NOW, place);
    }

    private Path projectFolder(String name) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve("dbt_project.yml"), "name: rescue_shop\n");
        return folder;
    }

    @Test
    void theHostListOffersLocalTheSavedHostsAndTheSshConfigsHosts() {
        settings.update(s -> s.withHost(new SavedHost("ci@build:2222", "/srv/shop", "")));
        var vm = viewModel();
        assertEquals(List.of("local", "ci@build:2222"), vm.getHostChoices());

        vm.refreshHostChoices();
        runFxTasks();

        assertEquals(List.of("local", "ci@build:2222", "warehouse-gw", "build"), vm.getHostChoices());
    }

    @Test
    void choosingASavedHostFillsItsFolderAndDbtAndLocalBringsBackTheProjectsDbt() throws Exception {
        settings.update(s -> s.withHost(new SavedHost("ci@build:2222", "/srv/shop", "/srv/venv/bin/dbt"))
                .withProjectDbt("/home/ana/shop", "/home/ana/shop/.venv/bin/dbt"));
        var vm = viewModel();
        vm.setSession(opened("/home/ana/shop", ProjectPlace.local(projectFolder("shop"))));
        assertEquals("local", vm.hostProperty().get());
        assertFalse(vm.remoteProperty().get());
        assertEquals("/home/ana/shop/.venv/bin/dbt", vm.dbtExecutableProperty().get());

        vm.chooseHost("ci@build:2222");
        assertEquals("/srv/shop", vm.remoteDirProperty().get());
        assertEquals("/srv/venv/bin/dbt", vm.dbtExecutableProperty().get());
        assertTrue(vm.remoteProperty().get());
        assertTrue(vm.hostSavedProperty().get());

        vm.chooseHost("local");
        assertEquals("/home/ana/shop/.venv/bin/dbt", vm.dbtExecutableProperty().get());
        assertFalse(vm.hostSavedProperty().get());
    }

    @Test
    void aForgottenHostLeavesTheListButAnSshConfigHostStaysOffered() {
        settings.update(s ->
                s.withHost(new SavedHost("build", "/srv/shop", "")).withHost(new SavedHost("ci@other", "/srv/x", "")));
        var vm = viewModel();
        vm.refreshHostChoices();
        runFxTasks();
        vm.chooseHost("build");

        vm.forgetHost();

        assertEquals(
                List.of(new SavedHost("ci@other", "/srv/x", "")),
                settings.current().hosts());
        assertEquals(List.of("local", "ci@other", "warehouse-gw", "build"), vm.getHostChoices());
        assertFalse(vm.hostSavedProperty().get());
    }

    @Test
    void aHostARunReachedIsSavedFirstWithItsFolderAndDbt() {
        settings.update(s -> s.withHost(new SavedHost("ci@other", "/srv/x", "")));
        var vm = viewModel();
        vm.hostProperty().set("analytics@gw:2222");
        assertFalse(vm.hostSavedProperty().get());

        vm.rememberHost(new SavedHost("analytics@gw:2222", "/srv/shop", "dbt"));

        assertEquals(
                List.of(
                        new SavedHost("analytics@gw:2222", "/srv/shop", "dbt"),
                        new SavedHost("ci@other", "/srv/x", "")),
                settings.current().hosts());
        assertEquals(List.of("local", "analytics@gw:2222", "ci@other"), vm.getHostChoices());
        assertTrue(vm.hostSavedProperty().get());
    }

    @Test
    void theDbtOfAProjectIsSavedWhenARunStartsAndComesBackWhenTheProjectOpensAgain() throws Exception {
        var vm = viewModel();
        ProjectSession shop = opened("/home/ana/shop", ProjectPlace.local(projectFolder("shop")));
        ProjectSession other = opened("/home/ana/other", ProjectPlace.local(projectFolder("other")));
        vm.setSession(shop);
        vm.dbtExecutableProperty().set(tmp.resolve("no-such-venv/bin/dbt").toString());

        vm.start(plan(shop));
        awaitRunEnd(vm);

        assertEquals(
                Optional.of(tmp.resolve("no-such-venv/bin/dbt").toString()),
                settings.current().projectDbt("/home/ana/shop"));
        vm.setSession(other);
        assertEquals("", vm.dbtExecutableProperty().get());
        vm.setSession(shop);
        assertEquals(
                tmp.resolve("no-such-venv/bin/dbt").toString(),
                vm.dbtExecutableProperty().get());
    }

    @Test
    void aHostARunCouldNotReachIsNotSaved() throws Exception {
        var vm = viewModel();
        ProjectSession remote = opened(
                "ssh nobody@127.0.0.1:1 /srv/shop",
                ProjectPlace.remote(projectFolder("copy"), "nobody@127.0.0.1:1", "/srv/shop"));
        vm.setSession(remote);
        assertEquals("nobody@127.0.0.1:1", vm.hostProperty().get());

        vm.start(plan(remote));
        awaitRunEnd(vm);

        assertFalse(vm.errorProperty().get().isEmpty(), "the connection failed");
        assertEquals(List.of(), settings.current().hosts());
    }

    private void awaitRunEnd(RunViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (vm.runningProperty().get() && System.nanoTime() < deadline) {
            runFxTasks();
            Thread.sleep(20);
        }
        runFxTasks();
        assertFalse(vm.runningProperty().get(), "the run ended");
    }

    private static RerunPlan plan(ProjectSession session) throws Exception {
        return new RerunPlanner(session.selectors(), DurationEstimator.defaults())
                .plan(
                        session.presets().failed().nodes(),
                        PlanOptions.defaults(),
                        new PlanSource("rescue_shop", "unknown", Optional.empty(), "failed", "", "", Optional.empty()));
    }
}
