// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.journal.RunJournal;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run panel's event handling: events are taken in batches, never one FX task per line. */
class RunViewModelTest {

    @TempDir
    Path tmp;

    /** Collects FX tasks instead of running them, to count them. */
    private final List<Runnable> fxTasks = new ArrayList<>();

    private final Executor fx = fxTasks::add;

    @Test
    void aThousandNodeEventsBecomeOneDrainWithOneStatusUpdate() throws Exception {
        ProjectSession session = TestSessions.failedBuild();
        var vm = new RunViewModel(
                new RunStore(tmp), SshSettings.defaults(), s -> s, Runnable::run, fx, Clock.systemUTC());
        vm.setSession(session);
        fxTasks.clear();
        List<Node> nodes = session.project().graph().nodes();
        List<Integer> updates = new ArrayList<>();
        vm.liveProperty().addListener((obs, was, now) -> updates.add(now.size()));

        for (int k = 0; k < 1_000; k++) {
            Node node = nodes.get(k % nodes.size());
            vm.enqueue(new RunEvent.NodeFinished(
                    node.id().value(),
                    node.name(),
                    node.type().dbtName(),
                    k % 2 == 0 ? "success" : "error",
                    Duration.ofMillis(5),
                    Instant.now(),
                    node.name() + " done"));
        }
        // the drain is scheduled once, after a delay, onto the FX executor
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (fxTasks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(3 * RunViewModel.DRAIN_MILLIS);
        assertEquals(1, fxTasks.size(), "one FX task for 1,000 events");
        fxTasks.getFirst().run();

        assertEquals(1, updates.size(), "the lineage is recoloured once");
        assertEquals(1_000, vm.getLog().size());
        assertEquals(Math.min(1_000, nodes.size()), vm.liveProperty().get().size());
    }

    @Test
    void eachNodesLinesAreKeptForTheDetailPaneAndAnnounced() throws Exception {
        ProjectSession session = TestSessions.failedBuild();
        var vm = new RunViewModel(
                new RunStore(tmp), SshSettings.defaults(), s -> s, Runnable::run, fx, Clock.systemUTC());
        vm.setSession(session);
        Node node = session.project().graph().nodes().getFirst();
        String id = node.id().value();
        List<java.util.Set<String>> announced = new ArrayList<>();
        vm.onNodeLog(announced::add);

        vm.enqueue(new RunEvent.NodeStarted(id, node.name(), node.type().dbtName(), Instant.now(), "START " + id));
        vm.enqueue(new RunEvent.NodeFinished(
                id, node.name(), node.type().dbtName(), "error", Duration.ofMillis(5), Instant.now(), "ERROR " + id));
        vm.enqueue(new RunEvent.LogLine(
                RunEvent.Level.INFO, "Formatting", Optional.empty(), Instant.now(), "")); // dbt's spacer line
        vm.drain();

        assertEquals(2, vm.getLog().size(), "no row for a blank line: " + vm.getLog());
        assertEquals(List.of(java.util.Set.of(id)), announced);
        List<String> lines = vm.nodeLog(id);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("START " + id), lines.toString());
        assertTrue(lines.get(1).endsWith("ERROR " + id), lines.toString());
        assertTrue(vm.nodeLog("model.rescue_shop.nothing_logged").isEmpty());
    }

    @Test
    void dbtStatusesAreDrawnAsTheLegendSays() {
        assertEquals(NodeStatus.SUCCESS, RunViewModel.statusOf("success"));
        assertEquals(NodeStatus.SUCCESS, RunViewModel.statusOf("pass"));
        assertEquals(NodeStatus.ERROR, RunViewModel.statusOf("error"));
        assertEquals(NodeStatus.FAIL, RunViewModel.statusOf("fail"));
        assertEquals(NodeStatus.WARN, RunViewModel.statusOf("warn"));
        assertEquals(NodeStatus.SKIPPED, RunViewModel.statusOf("skipped"));
    }

    @Test
    void aProjectThatCannotBeRunHereSaysWhyInsteadOfStartingDbt() throws Exception {
        var vm = new RunViewModel(
                new RunStore(tmp), SshSettings.defaults(), s -> s, Runnable::run, Runnable::run, Clock.systemUTC());
        ProjectSession files = TestSessions.failedBuild();
        RerunPlan plan = TestSessions.failedPlan(files);

        vm.setSession(files);
        vm.start(null);
        assertEquals(
                "Nothing to run: plan a selection first.", vm.errorProperty().get());
        vm.start(plan);
        assertTrue(
                vm.errorProperty().get().startsWith("The project was opened from single artifact files"),
                vm.errorProperty().get());

        Path artifactsOnly = Files.createDirectories(tmp.resolve("demo-artifacts"));
        vm.setSession(TestSessions.failedBuildAt(ProjectPlace.local(artifactsOnly)));
        vm.start(plan);
        assertEquals(
                artifactsOnly + " has no dbt_project.yml, so dbt cannot run there (the bundled demo holds artifacts"
                        + " only; open a dbt project folder, such as demo/ of the dbt-rescue sources).",
                vm.errorProperty().get());

        vm.hostProperty().set("analytics@warehouse-gw");
        vm.start(plan);
        assertEquals(
                "Give the project folder on analytics@warehouse-gw to run there.",
                vm.errorProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void theRunHistoryShowsEvenWhenTheProjectIsReadAgainBeforeTheListingArrives() throws Exception {
        Path project = tmp.resolve("shop");
        ProjectSession opened = TestSessions.failedBuildAt(ProjectPlace.local(project));
        RunStore store = new RunStore(tmp.resolve("data"));
        RerunPlan plan = TestSessions.failedPlan(opened);
        TestSessions.interruptedRun(store, project, plan, "20261122-000000-rescue_shop-abcdef");
        List<Runnable> background = new ArrayList<>();
        Queue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
        var vm = new RunViewModel(
                store,
                SshSettings.defaults(),
                s -> TestSessions.failedBuildAt(ProjectPlace.local(project)),
                background::add,
                fxQueue::add,
                Clock.systemUTC());

        vm.setSession(opened); // lists the journals in the background
        vm.enqueue(new RunEvent.BatchFinished(
                1, 1, BatchOutcome.SUCCEEDED, 0, Duration.ofSeconds(3), Instant.now(), "dbt succeeded"));
        assertTrue(vm.drain(), "a finished batch reads the artifacts again");
        assertEquals(2, background.size());
        background.get(1).run(); // the artifacts are read again first,
        background.get(0).run(); // the listing arrives after
        for (Runnable task = fxQueue.poll(); task != null; task = fxQueue.poll()) {
            task.run();
        }

        assertEquals(1, vm.getHistory().size(), "the listing of the same project is not dropped");
        assertTrue(vm.getHistory().getFirst().resumable(), vm.getHistory().toString());
    }

    @Test
    void openingAProjectWhoseLastRunNeverEndedOffersToResumeItOnce() throws Exception {
        Path project = tmp.resolve("shop");
        ProjectSession opened = TestSessions.failedBuildAt(ProjectPlace.local(project));
        RunStore store = new RunStore(tmp.resolve("data"));
        Path journal = TestSessions.interruptedRun(
                store, project, TestSessions.failedPlan(opened), "20261122-010000-rescue_shop-0a0b0c");
        var vm = new RunViewModel(
                store, SshSettings.defaults(), s -> s, Runnable::run, Runnable::run, Clock.systemUTC());

        vm.setSession(opened);

        assertEquals(journal, vm.resumeOfferProperty().get().orElseThrow().journal());
        assertTrue(vm.resumeOfferProperty().get().orElseThrow().interrupted());
        vm.dismissResumeOffer();
        assertTrue(vm.resumeOfferProperty().get().isEmpty());
        vm.setSession(TestSessions.failedBuildAt(ProjectPlace.local(project))); // read again after a batch
        assertTrue(vm.resumeOfferProperty().get().isEmpty(), "the same project is not offered again");
        assertEquals(1, vm.getHistory().size(), "the run stays in the history");

        vm.setSession(TestSessions.failedBuild());
        vm.setSession(opened); // the project opened again later
        assertTrue(vm.resumeOfferProperty().get().isPresent());
    }

    @Test
    void aRunCancelledByTheUserIsNotOfferedButOneThatLostItsConnectionIs() throws Exception {
        assertTrue(offerAfter(dev.dbtrescue.runner.RunOutcome.CANCELLED, "20261122-020000-rescue_shop-0d0e0f")
                .isEmpty());
        RunViewModel.HistoryRow dropped = offerAfter(
                        dev.dbtrescue.runner.RunOutcome.CONNECTION_LOST, "20261122-030000-rescue_shop-0a0a0a")
                .orElseThrow();
        assertTrue(dropped.outcome().startsWith("connection lost"), dropped.outcome());
    }

    private Optional<RunViewModel.HistoryRow> offerAfter(dev.dbtrescue.runner.RunOutcome ending, String runId)
            throws Exception {
        Path project = tmp.resolve(runId);
        ProjectSession opened = TestSessions.failedBuildAt(ProjectPlace.local(project));
        RunStore store = new RunStore(tmp.resolve("data-" + runId));
        Path file = TestSessions.interruptedRun(store, project, TestSessions.failedPlan(opened), runId);
        try (RunJournal journal = RunJournal.append(file, Clock.systemUTC())) {
            journal.runFinished(ending, Duration.ofSeconds(4));
        }
        var vm = new RunViewModel(
                store, SshSettings.defaults(), s -> s, Runnable::run, Runnable::run, Clock.systemUTC());

        vm.setSession(opened);

        assertEquals(1, vm.getHistory().size());
        assertTrue(vm.getHistory().getFirst().resumable(), "it can be resumed from the history either way");
        return vm.resumeOfferProperty().get();
    }
}
