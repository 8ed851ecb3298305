// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.lineage.NodeSelection;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan panel's state on the demo's failed build, with work run on the calling thread. */
class PlanViewModelTest {

    @TempDir
    Path tmp;

    private final ProjectSession session = TestSessions.failedBuild();
    private final PlanViewModel vm = new PlanViewModel(Runnable::run, Runnable::run);

    private void selectFailed() throws Exception {
        PresetSelection failed = session.presets().failed();
        BitSet nodes = new BitSet();
        failed.nodes().forEach(id -> nodes.set(session.project().graph().indexOf(id)));
        vm.setSession(session);
        vm.setSelection(new NodeSelection(nodes, failed.select(), "", "failed"));
    }

    @Test
    void aLongCommandIsShownCutAtASpaceAndAShortOneWhole() {
        var names = new StringBuilder("dbt build --select");
        for (int i = 0; names.length() <= PlanViewModel.PREVIEW_CHARS + 500; i++) {
            names.append(" model_").append(i);
        }
        String command = names.toString();
        var row = new PlanViewModel.BatchRow(1, List.of(), "1 s", "", List.of(), command);

        String preview = row.commandPreview();
        String shown = preview.substring(0, preview.indexOf(" …\n("));
        assertTrue(command.startsWith(shown + " "), "cut at a space, after a whole name");
        assertTrue(shown.length() <= PlanViewModel.PREVIEW_CHARS);
        assertTrue(
                preview.endsWith("(" + String.format(Locale.ROOT, "%,d", command.length() - shown.length())
                        + " more characters: Copy command copies the whole command)"),
                preview.substring(shown.length()));
        assertEquals(command, row.command());

        String small = "dbt build --select stg_orders";
        assertEquals(small, new PlanViewModel.BatchRow(1, List.of(), "", "", List.of(), small).commandPreview());
    }

    @Test
    void theListsAreTheSameObjectsForEveryCaller() {
        // a view's listener on a wrapper made for that one call is dropped when the wrapper is collected: the
        // plan panel then stopped selecting a batch after a replan
        assertSame(vm.getBatches(), vm.getBatches());
        assertSame(vm.getWarnings(), vm.getWarnings());
    }

    @Test
    void theSelectionIsPlannedAndEveryConstraintChangePlansAgain() throws Exception {
        selectFailed();
        int oneBatch = vm.getBatches().size();
        assertTrue(oneBatch >= 1);
        assertTrue(
                vm.summaryProperty().get().contains("nodes, about"),
                vm.summaryProperty().get());

        vm.maxNodesProperty().set(2);

        assertTrue(vm.getBatches().size() > oneBatch, vm.getBatches().toString());
        assertTrue(vm.getBatches().getFirst().command().startsWith("dbt build --select "));
        int index = session.project().graph().indexOf(TestSessions.FAILED_MODEL);
        assertTrue(vm.batchOfNodeProperty().get().containsKey(index), "the failed model has a batch badge");
        assertTrue(
                vm.getWarnings().stream().anyMatch(w -> w.startsWith("The blast radius reaches 3 exposures")),
                vm.getWarnings().toString());
    }

    @Test
    void aNodeMovedBeforeItsParentIsRefusedAndMergingIsKeptAsAHandEdit() throws Exception {
        selectFailed();
        vm.maxNodesProperty().set(1);
        int batches = vm.getBatches().size();
        int converted = batchOf(TestSessions.FAILED_MODEL);
        assertTrue(converted >= 2, "int_payments_converted runs after fin_fx_rates");

        assertFalse(vm.moveNode("model.rescue_shop.fct_payments", converted - 1).join());
        assertTrue(
                vm.errorProperty().get().startsWith("fct_payments cannot run in batch " + (converted - 1)),
                vm.errorProperty().get());
        assertEquals(batches, vm.getBatches().size());

        assertTrue(vm.mergeWithNext(1).join());
        assertEquals(batches - 1, vm.getBatches().size());
        assertTrue(vm.editedProperty().get());
        assertTrue(
                vm.getBatches().getFirst().flags().contains("over budget"),
                vm.getBatches().getFirst().flags());
        assertEquals("", vm.errorProperty().get());

        assertTrue(vm.split(1, 1).join());
        assertEquals(batches, vm.getBatches().size());

        NodeId payments = NodeId.of("model.rescue_shop.fct_payments");
        assertTrue(
                vm.moveNode(payments.value(), batchOf(TestSessions.FAILED_MODEL))
                        .join(),
                vm.errorProperty().get());
        assertEquals(batchOf(TestSessions.FAILED_MODEL), batchOf(payments), "beside its parent is allowed");
        int last = vm.getBatches().size();
        assertFalse(vm.moveBatch(last, -last).join(), "out of range");
        assertFalse(vm.moveBatch(batchOf(payments), -1).join(), "the batch holds the parent of what comes after");
        assertTrue(
                vm.errorProperty().get().contains("cannot run in batch"),
                vm.errorProperty().get());
    }

    @Test
    void aSavedPlanLoadsBackAndAPlanOfAnotherProjectIsRefused() throws Exception {
        selectFailed();
        vm.maxNodesProperty().set(3);
        Path file = tmp.resolve("plans/plan.json");
        assertTrue(vm.save(file).get());
        assertEquals(PlanJson.write(vm.planProperty().get()), Files.readString(file));
        String saved = vm.getBatches().toString();

        vm.maxNodesProperty().set(0);
        assertTrue(vm.load(file).get());
        assertEquals(saved, vm.getBatches().toString());
        assertTrue(vm.editedProperty().get());

        Path foreign = tmp.resolve("foreign.json");
        Files.writeString(foreign, Files.readString(file).replace("model.rescue_shop.fct_payments", "model.x.y"));
        assertFalse(vm.load(foreign).get());
        assertTrue(
                vm.errorProperty().get().contains("model.x.y"),
                vm.errorProperty().get());

        assertTrue(vm.exportShell(tmp.resolve("rescue.sh")).get());
        assertTrue(Files.readString(tmp.resolve("rescue.sh")).contains("dbt build --select"));
        assertTrue(vm.exportMarkdown(tmp.resolve("plan.md")).get());
    }

    @Test
    void anUnknownFullRefreshNameIsReportedWithTheClosestName() throws Exception {
        selectFailed();
        vm.fullRefreshProperty().set("fct_paymnts");
        vm.replan();
        assertEquals(
                "Full refresh fct_paymnts: no model, seed or snapshot of this project has that name (did you mean"
                        + " 'fct_payments'?).",
                vm.errorProperty().get());
        assertTrue(vm.getBatches().isEmpty());
    }

    @Test
    void planningAndHandEditsRunOffTheCallersThread() throws Exception {
        var work = new TestSessions.Recording();
        var queued = new PlanViewModel(work, Runnable::run);
        PresetSelection failed = session.presets().failed();
        BitSet nodes = new BitSet();
        failed.nodes().forEach(id -> nodes.set(session.project().graph().indexOf(id)));
        queued.setSession(session);
        work.runAll();
        queued.setSelection(new NodeSelection(nodes, failed.select(), "", "failed"));
        queued.maxNodesProperty().set(1);
        assertTrue(queued.getBatches().isEmpty(), "nothing is planned on the caller's thread");
        work.runAll();
        int batches = queued.getBatches().size();
        assertTrue(batches > 1);

        var merged = queued.mergeWithNext(1);

        assertFalse(merged.isDone());
        assertEquals(batches, queued.getBatches().size());
        work.runAll();
        assertTrue(merged.join());
        assertEquals(batches - 1, queued.getBatches().size());
    }

    @Test
    void aSelectionIsPlannedOnceItHasSettledAndIsBusyUntilThen() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            var work = new TestSessions.Recording();
            var settling = new PlanViewModel(work, fx, SettingsStore.inMemory(), Duration.ofMillis(150));
            PresetSelection failed = session.presets().failed();
            BitSet all = new BitSet();
            failed.nodes().forEach(id -> all.set(session.project().graph().indexOf(id)));
            BitSet one = new BitSet();
            one.set(session.project().graph().indexOf(TestSessions.FAILED_MODEL));
            fx.submit(() -> {
                        settling.setSession(session);
                        work.runAll(); // the planner is made, and handed over in the FX executor's next task
                    })
                    .get();
            fx.submit(() -> {
                        assertFalse(settling.busyProperty().get(), "the planner is ready");
                        settling.setSelection(new NodeSelection(all, failed.select(), "", "failed"));
                        settling.setSelection(new NodeSelection(one, "", "", "click"));
                    })
                    .get();

            assertTrue(fx.submit(() -> settling.busyProperty().get()).get(), "busy while the selection settles");
            assertTrue(fx.submit(() -> work.queued.isEmpty()).get(), "nothing planned before it settled");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fx.submit(() -> settling.getBatches().isEmpty()).get() && System.nanoTime() < deadline) {
                fx.submit(work::runAll).get();
                Thread.sleep(10);
            }

            assertEquals(
                    List.of(List.of(TestSessions.FAILED_MODEL.value())),
                    fx.submit(() -> settling.getBatches().stream()
                                    .map(b -> b.nodes().stream()
                                            .filter(n -> !n.companion())
                                            .map(PlanViewModel.NodeRow::uniqueId)
                                            .toList())
                                    .toList())
                            .get(),
                    "only the last selection is planned");
            assertFalse(fx.submit(() -> settling.busyProperty().get()).get());
        } finally {
            fx.shutdownNow();
        }
    }

    @Test
    void aSelectionSettlingWhileTheWindowClosesIsDroppedQuietly() throws Exception {
        ExecutorService planning = Executors.newSingleThreadExecutor();
        var failures = new CopyOnWriteArrayList<Throwable>();
        var handedOver = new CountDownLatch(1);
        Executor fx = task -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failures.add(e);
            } finally {
                handedOver.countDown();
            }
        };
        var closing = new PlanViewModel(planning, fx, SettingsStore.inMemory(), Duration.ofMillis(100));
        closing.setSession(session);
        planning.shutdown();
        assertTrue(planning.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(handedOver.await(5, TimeUnit.SECONDS), "the planner was made before the threads stopped");

        BitSet one = new BitSet();
        one.set(session.project().graph().indexOf(TestSessions.FAILED_MODEL));
        closing.setSelection(new NodeSelection(one, "", "", "click"));
        Thread.sleep(400); // well past the settle time

        assertEquals(List.of(), failures, "a plan asked for after the threads stopped is not an error");
    }

    private int batchOf(NodeId id) {
        return vm.getBatches().stream()
                .filter(b -> b.nodes().stream().anyMatch(n -> n.uniqueId().equals(id.value())))
                .findFirst()
                .orElseThrow()
                .number();
    }
}
