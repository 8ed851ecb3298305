// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.runner.RunnerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenProjectViewModelTest {

    @TempDir
    Path tmp;

    private final List<ProjectSession> opened = new ArrayList<>();
    private final Path failedBuild = Fixtures.demo("failed-build");

    private OpenProjectViewModel viewModel(ProjectLoader loader, Executor background) {
        return new OpenProjectViewModel(
                loader, new RecentProjects(tmp.resolve("recent.json")), background, Runnable::run, opened::add);
    }

    private OpenProjectViewModel viewModel() {
        return viewModel(TestProjects.loader(tmp.resolve("home")), Runnable::run);
    }

    private List<String> projectNames() {
        return opened.stream()
                .map(s -> s.project().artifacts().manifest().projectName())
                .toList();
    }

    @Test
    void droppedFixtureFolderOfArtifactsOpens() {
        var vm = viewModel();

        vm.openDropped(List.of(failedBuild));

        assertEquals(List.of("rescue_shop"), projectNames());
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
    }

    @Test
    void projectFolderOpensWithTheChosenStateAndIsRemembered() {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));
        var vm = viewModel();
        assertTrue(vm.firstStartProperty().get());

        vm.openFolder(project, Optional.of(TestProjects.prodState()));

        assertTrue(opened.getFirst().hasStateManifest());
        var expected = new ProjectSource.LocalFolder(project, Optional.of(TestProjects.prodState()));
        assertEquals(List.of(expected), vm.getRecentProjects());
        assertFalse(vm.firstStartProperty().get());
        assertEquals(List.of(expected), viewModel().getRecentProjects());
    }

    @Test
    void demoOpensWithProductionState() {
        var vm = viewModel();

        vm.openDemo();

        assertEquals(List.of("rescue_shop"), projectNames());
        assertTrue(opened.getFirst().hasStateManifest());
        assertEquals(List.of(), vm.getRecentProjects());
    }

    @Test
    void truncatedManifestShowsAReadableErrorAndOpensNothing() {
        Path manifest = TestProjects.truncatedManifest(tmp.resolve("cut"));
        var vm = viewModel();

        vm.openFiles(List.of(manifest), Optional.empty());

        assertEquals(List.of(), opened);
        assertTrue(
                vm.errorProperty().get().startsWith(manifest.toAbsolutePath() + ": "),
                vm.errorProperty().get());
        assertFalse(
                vm.errorProperty().get().contains("Exception"),
                vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(List.of(), vm.getRecentProjects());
    }

    @Test
    void filesAreToldApartByName() {
        var vm = viewModel();

        vm.openFiles(
                List.of(
                        failedBuild.resolve("sources.json"),
                        failedBuild.resolve("run_results.json"),
                        failedBuild.resolve("manifest.json")),
                Optional.empty());

        assertEquals(1, opened.getFirst().project().artifacts().runResults().size());
        assertEquals(1, opened.getFirst().project().artifacts().sources().size());
    }

    @Test
    void aDroppedFileThatIsNoArtifactIsRefusedByName() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "call Ana");
        var vm = viewModel();

        vm.openDropped(List.of(failedBuild.resolve("manifest.json"), notes));

        assertEquals(List.of(), opened);
        assertEquals(
                notes + ": is not a dbt artifact dbt-rescue reads. Open manifest.json, run_results.json and"
                        + " sources.json from the project's target/ folder (or the project folder)",
                vm.errorProperty().get());
    }

    @Test
    void aFolderDroppedWithFilesIsRefused() {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));
        var vm = viewModel();

        vm.openDropped(List.of(project, failedBuild.resolve("manifest.json")));

        assertTrue(
                vm.errorProperty().get().startsWith("Open one dbt project folder"),
                vm.errorProperty().get());
    }

    @Test
    void aDroppedProjectFolderUsesTheChosenStateFolder() {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));
        var vm = viewModel();
        vm.chooseStateFolder(TestProjects.prodState());

        vm.openDropped(List.of(project));

        assertTrue(opened.getFirst().hasStateManifest());
    }

    @Test
    void aMistypedPathSaysItDoesNotExist() {
        var vm = viewModel();

        vm.openPath(tmp.resolve("nowhere").toString());

        assertEquals(
                tmp.resolve("nowhere") + ": does not exist. Check the path, or choose the folder or files again",
                vm.errorProperty().get());
    }

    @Test
    void anEmptySshHostIsAskedForWithoutLoading() {
        var vm = viewModel();

        vm.openSsh(" ", "/srv/shop", Optional.empty(), Optional.empty());

        assertEquals(
                "Enter the SSH host: a ~/.ssh/config alias or user@host[:port]",
                vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void cancelLeavesNoSessionAndIsNotBusy() {
        Queue<Runnable> queued = new ArrayDeque<>();
        var vm = viewModel(TestProjects.loader(tmp.resolve("home")), queued::add);
        vm.openDemo();
        assertTrue(vm.busyProperty().get());

        vm.cancel();
        queued.forEach(Runnable::run);

        assertEquals(List.of(), opened);
        assertFalse(vm.busyProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertEquals("Cancelled", vm.stepProperty().get());
    }

    @Test
    void theNewestRequestWins() {
        Queue<Runnable> queued = new ArrayDeque<>();
        var vm = viewModel(TestProjects.loader(tmp.resolve("home")), queued::add);
        vm.openPath(tmp.resolve("nowhere").toString());
        vm.openDropped(List.of(failedBuild));

        queued.forEach(Runnable::run);

        assertEquals(List.of("rescue_shop"), projectNames());
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void anUnknownHostKeyIsAskedAndTrustedKeysOpen() {
        List<String> asked = new ArrayList<>();
        var vm = viewModel(sshLoader(), Runnable::run);
        vm.hostKeyQuestionProperty()
                .subscribe(q -> q.ifPresent(question -> {
                    asked.add(question.fingerprint());
                    vm.answerHostKey(true);
                }));

        vm.openSsh("analytics", "/srv/shop", Optional.empty(), Optional.empty());

        assertEquals(List.of("SHA256:abc"), asked);
        assertEquals(List.of("rescue_shop"), projectNames());
        assertEquals(Optional.empty(), vm.hostKeyQuestionProperty().get());
    }

    @Test
    void aRefusedHostKeyShowsTheRunnersMessage() {
        var vm = viewModel(sshLoader(), Runnable::run);
        vm.hostKeyQuestionProperty().subscribe(q -> q.ifPresent(question -> vm.answerHostKey(false)));

        vm.openSsh("analytics", "/srv/shop", Optional.empty(), Optional.empty());

        assertEquals(List.of(), opened);
        assertEquals("analytics:22 was refused", vm.errorProperty().get());
    }

    /** A host that asks about its key, and gives the failed build when trusted. */
    private ProjectLoader sshLoader() {
        return new ProjectLoader(
                AppFolders.under(tmp.resolve("home")),
                (source, localDir, prompts, progress) -> {
                    if (!prompts.hostKey().trustUnknownHost("analytics", 22, "ssh-ed25519", "SHA256:abc")) {
                        throw new RunnerException(RunnerException.Kind.HOST_KEY, "analytics:22 was refused");
                    }
                    return TestProjects.copyFailedBuild(localDir, "manifest.json", "run_results.json");
                },
                TestProjects.CLOCK);
    }
}
