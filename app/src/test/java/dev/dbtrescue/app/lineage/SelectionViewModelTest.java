// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeConfig;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.select.IndirectSelection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SelectionViewModelTest {

    private final ProjectSession session = TestSessions.failedBuildAgainstProd();
    private final LineageGraph graph = session.project().graph();
    private final SelectionViewModel vm = new SelectionViewModel(Runnable::run, Runnable::run);

    @Test
    void failedPresetSelectsExactlyWhatTheEngineComputes() throws Exception {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);

        List<NodeId> expected = engine().failed().nodes();
        assertEquals(indices(expected), vm.selectionProperty().get().nodes());
        assertEquals(
                "Failed + downstream (" + expected.size() + ")",
                vm.presetLabelProperty(Preset.FAILED).get());
        assertEquals(expected.size(), vm.getRows().size());
    }

    @Test
    void configsAreBuiltAfterThePresetsSoTheFirstConfigSelectorNeedNot() {
        ProjectSession fresh = TestSessions.failedBuild(); // read from memory: its configs are kept as bytes
        assertTrue(
                fresh.project().graph().nodes().stream().anyMatch(node -> node.config() != NodeConfig.EMPTY),
                "the demo's nodes have configs");

        vm.setSession(fresh);

        assertEquals(
                List.of(),
                fresh.project().graph().nodes().stream()
                        .filter(node -> node.config().prepare())
                        .map(node -> node.id().value())
                        .toList(),
                "configs still kept as bytes after the session was set");
    }

    @Test
    void modifiedPresetNeedsAState() {
        vm.setSession(TestSessions.failedBuild());
        assertFalse(vm.presetAvailableProperty(Preset.MODIFIED).get());

        vm.setSession(session);
        assertTrue(vm.presetAvailableProperty(Preset.MODIFIED).get());
    }

    @Test
    void aTypedSelectorSelectsWhatTheEngineSelects() throws Exception {
        vm.setSession(session);
        vm.selectTextProperty().set("int_payments_converted+ tag:finance");
        vm.excludeTextProperty().set("fct_payments");
        vm.previewSelector();

        var expected = engine().select(
                        List.of("int_payments_converted+ tag:finance"),
                        List.of("fct_payments"),
                        IndirectSelection.EAGER)
                .nodes();
        assertEquals(indices(expected), vm.selectionProperty().get().nodes());
        assertEquals(expected.size() + " nodes", vm.matchCountProperty().get());
        assertEquals(
                "--select 'int_payments_converted+ tag:finance' --exclude fct_payments",
                vm.argumentsProperty().get());
        assertEquals("", vm.selectorErrorProperty().get());
    }

    @Test
    void anInvalidSelectorShowsAnInlineErrorAndKeepsTheSelection() {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        BitSet before = vm.selectionProperty().get().nodes();

        vm.selectTextProperty().set("tagg:finance");
        vm.previewSelector();

        assertFalse(vm.selectorErrorProperty().get().isEmpty());
        assertTrue(
                vm.selectorErrorProperty().get().contains("tagg"),
                vm.selectorErrorProperty().get());
        assertEquals(before, vm.selectionProperty().get().nodes());
    }

    @Test
    void manualEditsKeepASelectorThatDbtWouldEvaluateToTheSameNodes() throws Exception {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        int extra = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__customers"));
        int dropped = vm.selectionProperty().get().nodes().nextSetBit(0);

        vm.toggle(extra);
        vm.toggle(dropped);

        NodeSelection now = vm.selectionProperty().get();
        assertTrue(now.contains(extra));
        assertFalse(now.contains(dropped));
        var reevaluated = engine().select(
                        List.of(now.select()),
                        now.exclude().isEmpty() ? List.of() : List.of(now.exclude()),
                        IndirectSelection.EAGER)
                .nodes();
        assertEquals(now.nodes(), indices(reevaluated));
    }

    @Test
    void theNewestSelectorRequestWinsWhenResultsArriveOutOfOrder() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        var slow = new SelectionViewModel(later, Runnable::run);
        slow.setSession(session);
        queued.remove(0).run(); // the presets
        queued.remove(0).run(); // the configs' trees, built after the presets
        slow.selectTextProperty().set("fct_payments");
        slow.previewSelector();
        slow.selectTextProperty().set("stg_shop__customers");
        slow.previewSelector();

        queued.get(1).run();
        queued.get(0).run();

        assertEquals(
                indices(engine().select(List.of("stg_shop__customers"), List.of(), IndirectSelection.EAGER)
                        .nodes()),
                slow.selectionProperty().get().nodes());
    }

    @Test
    void clearSelectsNothing() {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        vm.clear();

        assertTrue(vm.selectionProperty().get().isEmpty());
        assertEquals("Nothing selected", vm.summaryProperty().get());
        assertEquals("", vm.argumentsProperty().get());
    }

    @Test
    void theHighlightDoesNotWaitForTheNodeList() {
        var work = new TestSessions.Recording();
        var model = new SelectionViewModel(work, Runnable::run);
        model.setSession(session);
        work.runAll(); // the presets
        model.selectTextProperty().set("stg_shop__customers+");
        model.previewSelector();

        work.runAll(); // the selector is evaluated and shown; the node list is queued behind it

        assertFalse(model.selectionProperty().get().isEmpty());
        assertTrue(model.getRows().isEmpty(), "the list is built after the highlight");
        assertEquals(1, work.queued.size());

        work.runAll();

        assertEquals(model.selectionProperty().get().size(), model.getRows().size());
        assertTrue(model.getRows().stream().anyMatch(row -> row.name().equals("stg_shop__customers")));
    }

    @Test
    void aNodeListThatArrivesAfterANewerSelectionIsDropped() {
        var work = new TestSessions.Recording();
        var model = new SelectionViewModel(work, Runnable::run);
        model.setSession(session);
        work.runAll();
        model.selectTextProperty().set("stg_shop__customers+");
        model.previewSelector();
        work.runAll(); // shown, its list queued
        Runnable staleList = work.queued.remove(0);
        model.applyPreset(Preset.FAILED);

        staleList.run();

        assertEquals(model.selectionProperty().get().size(), model.getRows().size());
    }

    @Test
    void undoAndRedoWalkThroughPresetClickAndClear() {
        vm.setSession(session);
        assertFalse(vm.canUndoProperty().get());
        vm.applyPreset(Preset.FAILED);
        NodeSelection failed = vm.selectionProperty().get();
        String failedArguments = vm.argumentsProperty().get();
        int extra = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__customers"));
        vm.toggle(extra);
        NodeSelection edited = vm.selectionProperty().get();
        vm.clear();

        vm.undo();
        assertEquals(edited.nodes(), vm.selectionProperty().get().nodes());
        vm.undo();
        assertEquals(failed.nodes(), vm.selectionProperty().get().nodes());
        assertEquals(failedArguments, vm.argumentsProperty().get());
        assertEquals(failed.select(), vm.selectTextProperty().get());
        assertEquals(failed.size(), vm.getRows().size());
        vm.undo();
        assertTrue(vm.selectionProperty().get().isEmpty());
        assertFalse(vm.canUndoProperty().get());

        vm.redo();
        vm.redo();
        assertEquals(edited.nodes(), vm.selectionProperty().get().nodes());
        assertTrue(vm.canRedoProperty().get());

        // an edit after undoing starts a new history: the clear can no longer be redone
        vm.toggle(extra);
        assertFalse(vm.canRedoProperty().get());
        assertEquals(failed.nodes(), vm.selectionProperty().get().nodes());
        vm.undo();
        assertEquals(edited.nodes(), vm.selectionProperty().get().nodes());
    }

    @Test
    void anEditAfterUndoBuildsOnTheRestoredSelection() {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        NodeSelection failed = vm.selectionProperty().get();
        int extra = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__customers"));
        int other = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__orders"));
        vm.toggle(extra);
        vm.undo();

        vm.toggle(other);

        BitSet now = vm.selectionProperty().get().nodes();
        assertTrue(now.get(other));
        assertFalse(now.get(extra), "the undone click must not come back with the next one");
        assertTrue(failed.nodes().stream().allMatch(now::get));
    }

    @Test
    void typingInTheSelectorFieldIsOneUndoStep() {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        NodeSelection failed = vm.selectionProperty().get();
        for (String typed : List.of("stg", "stg_shop__customers", "stg_shop__customers+")) {
            vm.selectTextProperty().set(typed);
            vm.previewSelector();
        }
        vm.previewSelector(); // Enter again: the same selection is not another step

        vm.undo();

        assertEquals(failed.nodes(), vm.selectionProperty().get().nodes());
        assertEquals(failed.select(), vm.selectTextProperty().get());
        vm.undo();
        assertTrue(vm.selectionProperty().get().isEmpty());
        assertEquals("", vm.selectTextProperty().get());
    }

    @Test
    void undoDropsASelectorResultStillOnItsWay() {
        var work = new TestSessions.Recording();
        var model = new SelectionViewModel(work, Runnable::run);
        model.setSession(session);
        work.runAll();
        model.applyPreset(Preset.FAILED);
        model.selectTextProperty().set("stg_shop__customers+");
        model.previewSelector(); // queued, not evaluated yet

        model.clear();
        model.undo();
        work.runAll();

        assertEquals("Failed + downstream", model.selectionProperty().get().origin());
    }

    @Test
    void replaceWithIsOneChangeAndOpeningAProjectForgetsTheHistory() {
        vm.setSession(session);
        vm.applyPreset(Preset.FAILED);
        NodeSelection failed = vm.selectionProperty().get();
        int a = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__customers"));
        int b = graph.indexOf(NodeId.of("model.rescue_shop.stg_shop__orders"));

        vm.replaceWith(new int[] {a, b});

        assertTrue(vm.selectionProperty().get().contains(a));
        assertTrue(vm.selectionProperty().get().contains(b));
        assertFalse(vm.selectionProperty().get().contains(failed.nodes().nextSetBit(0)));
        vm.undo();
        assertEquals(failed.nodes(), vm.selectionProperty().get().nodes());

        vm.setSession(session);
        assertFalse(vm.canUndoProperty().get());
        assertFalse(vm.canRedoProperty().get());
    }

    private RescuePresets engine() {
        return new RescuePresets(session.project(), session.selectors(), session.state());
    }

    private BitSet indices(List<NodeId> ids) {
        BitSet set = new BitSet();
        ids.forEach(id -> set.set(graph.indexOf(id)));
        return set;
    }
}
