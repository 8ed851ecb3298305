// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

    private static final NodeId CONVERTED = NodeId.of("model.rescue_shop.int_payments_converted");
    private static final NodeId FAILED_TEST =
            NodeId.of("test.rescue_shop.is_positive_fin_fx_rates_rate_to_usd.aba92fe79c");

    @TempDir
    Path tmp;

    private final Path failedBuild = Fixtures.demo("failed-build");

    @Test
    void folderOpensItsTargetArtifacts() throws Exception {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));

        ProjectSession session = TestProjects.loader(tmp.resolve("home"))
                .load(new ProjectSource.LocalFolder(project, Optional.empty()), LoadProgress.NONE);

        assertEquals("rescue_shop", session.project().artifacts().manifest().projectName());
        assertEquals("rescue_shop — " + project.toAbsolutePath(), session.title());
        assertFalse(session.analysis().failures().isEmpty());
        assertFalse(session.hasStateManifest());
    }

    @Test
    void filesOpenWithTheirRunResults() throws Exception {
        var source = new ProjectSource.ArtifactFiles(
                failedBuild.resolve("manifest.json"),
                List.of(failedBuild.resolve("run_results.json")),
                List.of(failedBuild.resolve("sources.json")),
                Optional.empty());

        ProjectSession session = TestProjects.loader(tmp).load(source, LoadProgress.NONE);

        assertEquals(1, session.project().artifacts().runResults().size());
        assertFalse(session.analysis().failures().isEmpty());
    }

    @Test
    void stateFolderGivesAStateManifest() throws Exception {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));

        ProjectSession session = TestProjects.loader(tmp.resolve("home"))
                .load(new ProjectSource.LocalFolder(project, Optional.of(TestProjects.prodState())), LoadProgress.NONE);

        assertTrue(session.hasStateManifest());
        assertEquals(
                Optional.of(
                        TestProjects.prodState().toAbsolutePath().normalize().toString()),
                session.stateOrigin());
    }

    @Test
    void folderWithoutTargetSaysToRunDbtParse() {
        Path empty = tmp.resolve("not-built");
        empty.toFile().mkdirs();

        var e = assertThrows(
                ProjectLoadException.class,
                () -> TestProjects.loader(tmp)
                        .load(new ProjectSource.LocalFolder(empty, Optional.empty()), LoadProgress.NONE));

        assertEquals(
                empty.toAbsolutePath() + ": has no target/ folder, so dbt has not written artifacts here yet. Run"
                        + " `dbt parse` (or `dbt build`) in the project first, or pass artifact files with --manifest.",
                e.getMessage());
    }

    @Test
    void missingManifestFileIsNamed() {
        Path missing = tmp.resolve("gone/manifest.json");

        var e = assertThrows(
                ProjectLoadException.class,
                () -> TestProjects.loader(tmp)
                        .load(
                                new ProjectSource.ArtifactFiles(missing, List.of(), List.of(), Optional.empty()),
                                LoadProgress.NONE));

        assertTrue(e.getMessage().startsWith(missing.toString() + ": "), e.getMessage());
    }

    @Test
    void missingStateFolderIsNamed() {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));
        Path state = tmp.resolve("no-state");

        var e = assertThrows(
                ProjectLoadException.class,
                () -> TestProjects.loader(tmp.resolve("home"))
                        .load(new ProjectSource.LocalFolder(project, Optional.of(state)), LoadProgress.NONE));

        assertTrue(e.getMessage().startsWith(state + ": this state folder does not exist"), e.getMessage());
    }

    @Test
    void truncatedManifestIsNamedWithoutAStackTrace() {
        Path manifest = TestProjects.truncatedManifest(tmp.resolve("cut"));

        var e = assertThrows(
                ProjectLoadException.class,
                () -> TestProjects.loader(tmp)
                        .load(
                                new ProjectSource.ArtifactFiles(manifest, List.of(), List.of(), Optional.empty()),
                                LoadProgress.NONE));

        assertTrue(e.getMessage().startsWith(manifest + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    @Test
    void stepsEndAtOne() throws Exception {
        List<Double> fractions = new ArrayList<>();
        LoadProgress progress = new LoadProgress() {
            @Override
            public void step(String text, double fraction) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        TestProjects.loader(tmp)
                .load(
                        new ProjectSource.ArtifactFiles(
                                failedBuild.resolve("manifest.json"), List.of(), List.of(), Optional.empty()),
                        progress);

        assertEquals(1.0, fractions.getLast());
        assertEquals(fractions.stream().sorted().toList(), fractions);
    }

    @Test
    void cancelledLoadStopsBetweenSteps() {
        LoadProgress cancelled = new LoadProgress() {
            @Override
            public void step(String text, double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThrows(
                CancellationException.class,
                () -> TestProjects.loader(tmp)
                        .load(
                                new ProjectSource.ArtifactFiles(
                                        failedBuild.resolve("manifest.json"), List.of(), List.of(), Optional.empty()),
                                cancelled));
    }

    @Test
    void interruptedThreadStops() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(
                    CancellationException.class,
                    () -> TestProjects.loader(tmp)
                            .load(
                                    new ProjectSource.ArtifactFiles(
                                            failedBuild.resolve("manifest.json"),
                                            List.of(),
                                            List.of(),
                                            Optional.empty()),
                                    LoadProgress.NONE));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void demoOpensWithProductionState() throws Exception {
        ProjectSession session = TestProjects.loader(tmp).load(new ProjectSource.Demo(), LoadProgress.NONE);

        assertEquals("rescue_shop", session.project().artifacts().manifest().projectName());
        assertTrue(session.hasStateManifest());
    }

    @Test
    void warmUpOpensTheDemoAsAUserWouldAndLeavesNothingBehind() {
        List<ProjectSession> sessions = new ArrayList<>();

        int rounds = TestProjects.loader(tmp).warmUp(3, sessions::add);

        assertEquals(3, rounds);
        assertEquals(3, sessions.size());
        for (ProjectSession session : sessions) {
            assertEquals("rescue_shop", session.project().artifacts().manifest().projectName());
            assertTrue(session.hasStateManifest(), "the state is read as the demo's open reads it");
            assertFalse(session.analysis().failures().isEmpty(), "the run is analysed");
        }
        Path project = sessions.get(0).place().folder().orElseThrow();
        assertFalse(Files.exists(project.getParent()), "the scratch folder is deleted: " + project.getParent());
    }

    @Test
    void warmUpGivesWayToTheFirstLoad() throws Exception {
        ProjectLoader loader = TestProjects.loader(tmp);
        var firstRound = new CountDownLatch(1);
        var rounds = new CompletableFuture<Integer>();
        Thread.ofPlatform()
                .name("warm-up-under-test")
                .start(() -> rounds.complete(loader.warmUp(Integer.MAX_VALUE, session -> firstRound.countDown())));
        assertTrue(firstRound.await(60, TimeUnit.SECONDS), "a first round is done");

        ProjectSession opened = loader.load(new ProjectSource.Demo(), LoadProgress.NONE);

        int done = rounds.get(60, TimeUnit.SECONDS);
        assertTrue(done >= 1 && done < Integer.MAX_VALUE, "stopped after " + done + " rounds");
        assertTrue(opened.hasStateManifest(), "the user's load is whole");
    }

    @Test
    void warmUpStopsWhenItsThreadIsInterrupted() {
        // as closing the app interrupts it (AppExecutors.close), here during the first of many rounds
        ProjectLoader loader = TestProjects.loader(tmp);
        List<ProjectSession> sessions = new ArrayList<>();

        int rounds;
        try {
            rounds = loader.warmUp(1_000, session -> {
                sessions.add(session);
                Thread.currentThread().interrupt();
            });
        } finally {
            Thread.interrupted();
        }

        assertEquals(1, rounds);
        assertEquals(1, sessions.size());
        Path project = sessions.get(0).place().folder().orElseThrow();
        assertFalse(Files.exists(project.getParent()), "the scratch folder is deleted: " + project.getParent());
    }

    @Test
    void sshCopiesIntoAFolderPerHostAndPath() throws Exception {
        List<Path> copiedTo = new ArrayList<>();
        var loader = new ProjectLoader(
                AppFolders.under(tmp),
                (source, localDir, prompts, progress) -> {
                    copiedTo.add(localDir);
                    return TestProjects.copyFailedBuild(localDir, "manifest.json", "run_results.json");
                },
                TestProjects.CLOCK);
        var source = new ProjectSource.Ssh("deploy@analytics:2222", "/srv/shop", Optional.empty(), Optional.empty());

        ProjectSession session = loader.load(source, LoadProgress.NONE);

        assertEquals("rescue_shop — ssh deploy@analytics:2222 /srv/shop", session.title());
        assertEquals(List.of(loader.cacheFolder(source).resolve("target")), copiedTo);
        assertTrue(copiedTo.get(0).startsWith(tmp.resolve("cache/ssh")));
    }

    @Test
    void sshCopyDropsArtifactsTheHostNoLongerHas() throws Exception {
        var source = new ProjectSource.Ssh("analytics", "shop", Optional.empty(), Optional.empty());
        var loader = new ProjectLoader(
                AppFolders.under(tmp),
                (s, localDir, prompts, progress) -> {
                    return TestProjects.copyFailedBuild(localDir, "manifest.json");
                },
                TestProjects.CLOCK);
        Path target = Files.createDirectories(loader.cacheFolder(source).resolve("target"));
        Files.copy(failedBuild.resolve("run_results.json"), target.resolve("run_results.json"));

        ProjectSession session = loader.load(source, LoadProgress.NONE);

        assertEquals(List.of(), session.project().artifacts().runResults());
    }

    @Test
    void sshWithoutManifestSaysToRunDbtParseThere() {
        var loader = new ProjectLoader(
                AppFolders.under(tmp), (source, localDir, prompts, progress) -> List.of(), TestProjects.CLOCK);

        var e = assertThrows(
                ProjectLoadException.class,
                () -> loader.load(
                        new ProjectSource.Ssh("analytics", "/srv/shop", Optional.empty(), Optional.empty()),
                        LoadProgress.NONE));

        assertEquals(
                "ssh analytics: /srv/shop has no manifest.json in its target folder, so dbt has not written artifacts"
                        + " there yet. Run `dbt parse` (or `dbt build`) in that folder on the host first",
                e.getMessage());
    }

    @Test
    void sshRefusalKeepsTheRunnersMessage() {
        var loader = new ProjectLoader(
                AppFolders.under(tmp),
                (source, localDir, prompts, progress) -> {
                    throw new RunnerException(RunnerException.Kind.HOST_KEY, "The host analytics:22 is not known");
                },
                TestProjects.CLOCK);

        var e = assertThrows(
                ProjectLoadException.class,
                () -> loader.load(
                        new ProjectSource.Ssh("analytics", "/srv/shop", Optional.empty(), Optional.empty()),
                        LoadProgress.NONE));

        assertEquals("The host analytics:22 is not known", e.getMessage());
    }

    @Test
    void malformedSshHostIsExplained() {
        var loader = new ProjectLoader(
                AppFolders.under(tmp),
                RemoteArtifacts.overSsh(SshSettings.inDirectory(tmp.resolve("ssh"))),
                TestProjects.CLOCK);

        var e = assertThrows(
                ProjectLoadException.class,
                () -> loader.load(
                        new ProjectSource.Ssh("deploy@analytics:ssh", "/srv/shop", Optional.empty(), Optional.empty()),
                        LoadProgress.NONE));

        assertEquals(
                "Could not open ssh deploy@analytics:ssh /srv/shop: 'deploy@analytics:ssh': the port 'ssh' is not a"
                        + " number",
                e.getMessage());
    }

    @Test
    void aReloadAfterDbtRanMergesTheNewResultsWithThoseReadBefore() throws Exception {
        Path project = tmp.resolve("shop");
        Path target = Files.createDirectories(project.resolve("target"));
        for (String name : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(name), target.resolve(name));
        }
        var loader = new ProjectLoader(
                AppFolders.under(tmp), (s, localDir, prompts, progress) -> List.of(), java.time.Clock.systemUTC());
        ProjectSession before =
                loader.load(new ProjectSource.LocalFolder(project, Optional.empty()), LoadProgress.NONE);
        assertEquals(ProjectPlace.local(project), before.place());
        assertEquals(NodeState.ERROR, before.project().status().stateOf(CONVERTED));

        // dbt rebuilt the failed model (and its downstream) and rewrote target/ with only that invocation
        for (String name : List.of("manifest.json", "run_results.json")) {
            Files.copy(Fixtures.demo("rerun").resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        ProjectSession after = loader.reload(before, LoadProgress.NONE);

        assertEquals(NodeState.SUCCESS, after.project().status().stateOf(CONVERTED));
        assertEquals(
                before.project().graph().nodes().stream().map(Node::id).toList(),
                after.project().graph().nodes().stream().map(Node::id).toList(),
                "the rewritten manifest lists its resources in another order; the graph keeps the indices");
        assertEquals(
                NodeState.FAIL,
                after.project().status().stateOf(FAILED_TEST),
                "the failed test was not rerun: its result from before stays");
        assertEquals(2, after.project().artifacts().runResults().size());
        assertEquals(before.place(), after.place());
        assertEquals(before.origin(), after.origin());
        ProjectSession again = loader.reload(after, LoadProgress.NONE);
        assertEquals(2, again.project().artifacts().runResults().size(), "an invocation read twice counts once");
    }
}
