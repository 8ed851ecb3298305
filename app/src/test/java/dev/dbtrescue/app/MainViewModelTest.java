// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.app.detail.DetailViewModel;
import dev.dbtrescue.app.lineage.LayeredLineageLayout;
import dev.dbtrescue.app.lineage.LineageViewModel;
import dev.dbtrescue.app.lineage.NodeSelection;
import dev.dbtrescue.app.lineage.Preset;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.OpenProjectViewModel;
import dev.dbtrescue.app.project.ProjectLoader;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.project.RecentProjects;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.select.SelectionState;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path tmp;

    private final SelectionViewModel selection = new SelectionViewModel(Runnable::run, Runnable::run);
    private final MainViewModel vm = new MainViewModel(
            new LineageViewModel(selection, new LayeredLineageLayout(), Runnable::run, Runnable::run),
            selection,
            new DetailViewModel(Runnable::run, Runnable::run),
            opened -> new OpenProjectViewModel(
                    new ProjectLoader(
                            AppFolders.under(Path.of("target", "test-home")),
                            (source, dir, prompts, progress) -> List.of(),
                            java.time.Clock.systemUTC()),
                    new RecentProjects(Path.of("target", "test-home", "recent-projects.json")),
                    Runnable::run,
                    Runnable::run,
                    opened),
            TestSessions.rescue(Path.of("target", "test-home")));

    @Test
    void theLoadWarningsOfTheOpenedProjectAreShown() throws Exception {
        Path demo = Fixtures.demo("failed-build");
        var mapper = new ObjectMapper();
        ObjectNode runs =
                (ObjectNode) mapper.readTree(demo.resolve("run_results.json").toFile());
        ObjectNode gone = ((ObjectNode) runs.get("results").get(0)).deepCopy();
        gone.put("unique_id", "model.rescue_shop.dropped_last_week");
        ((ArrayNode) runs.get("results")).add(gone);
        Path edited = tmp.resolve("run_results.json");
        mapper.writeValue(edited.toFile(), runs);
        ProjectSession session = ProjectSession.of(
                "test",
                new ArtifactLoader()
                        .load(demo.resolve("manifest.json"), List.of(edited), List.of(demo.resolve("sources.json"))),
                SelectionState.NONE,
                Optional.empty(),
                TestSessions.NOW);

        vm.opened(session);

        assertEquals(
                String.join(
                        "\n",
                        session.project().warnings().stream()
                                .map(Object::toString)
                                .toList()),
                vm.warningsProperty().get());
        assertEquals(1, session.project().warnings().size());
        assertTrue(
                vm.warningsProperty().get().contains("dropped_last_week"),
                vm.warningsProperty().get());
    }

    @Test
    void aProjectWithoutWarningsShowsNone() {
        vm.opened(TestSessions.failedBuild());

        assertEquals("", vm.warningsProperty().get());
    }

    @Test
    void thePresetsAndTheSearchIndexWaitForTheFirstLayout() throws Exception {
        var lineageWork = new TestSessions.Recording();
        var selectionWork = new TestSessions.Recording();
        var presetsFirst = new SelectionViewModel(selectionWork, Runnable::run);
        var lineage = new LineageViewModel(presetsFirst, new LayeredLineageLayout(), lineageWork, Runnable::run);
        var main = new MainViewModel(
                lineage,
                presetsFirst,
                new DetailViewModel(Runnable::run, Runnable::run),
                opened -> vm.open(),
                TestSessions.rescue(Path.of("target", "test-home")));

        main.opened(TestSessions.failedBuild());

        assertEquals(1, lineageWork.queued.size(), "only the layout is queued at first");
        assertEquals(0, selectionWork.queued.size(), "the presets wait for the first picture");
        assertEquals(
                Preset.FAILED.label(),
                presetsFirst.presetLabelProperty(Preset.FAILED).get());

        lineageWork.runAll(); // the layout is published; the search index follows it

        assertTrue(lineage.layoutProperty().get() != null);
        assertEquals(1, lineageWork.queued.size(), "the search index is built after the layout");
        assertEquals(1, selectionWork.queued.size(), "the presets start once the layout is published");
        selectionWork.runAll();
        assertTrue(
                presetsFirst.presetLabelProperty(Preset.FAILED).get().matches(".*\\(\\d+\\)"),
                presetsFirst.presetLabelProperty(Preset.FAILED).get());
    }

    @Test
    void aPlanIsNotReadyToRunWhileTheNextSelectionIsBeingPlanned() {
        var planWork = new TestSessions.Recording();
        Rescue rescue = TestSessions.rescue(Path.of("target", "test-home"), planWork);
        var main = new MainViewModel(
                new LineageViewModel(selection, new LayeredLineageLayout(), Runnable::run, Runnable::run),
                selection,
                new DetailViewModel(Runnable::run, Runnable::run),
                opened -> vm.open(),
                rescue);
        ProjectSession session = TestSessions.failedBuild();
        main.opened(session);
        planWork.runAll(); // the planner
        BitSet failed = new BitSet();
        failed.set(session.project().graph().indexOf(TestSessions.FAILED_MODEL));

        rescue.plan().setSelection(new NodeSelection(failed, "", "", "click"));
        assertFalse(rescue.run().planReadyProperty().get(), "nothing planned yet");
        planWork.runAll();
        assertTrue(rescue.run().planReadyProperty().get());

        failed.set(session.project().graph().indexOf(NodeId.of("model.rescue_shop.fct_payments")));
        rescue.plan().setSelection(new NodeSelection(failed, "", "", "click"));
        assertFalse(
                rescue.run().planReadyProperty().get(),
                "the plan shown is the previous selection's while the new one is made");
        planWork.runAll();
        assertTrue(rescue.run().planReadyProperty().get());
    }
}
