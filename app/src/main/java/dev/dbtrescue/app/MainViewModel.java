// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.detail.DetailViewModel;
import dev.dbtrescue.app.lineage.LineageViewModel;
import dev.dbtrescue.app.lineage.RunOverlay;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.project.OpenProjectViewModel;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.jspecify.annotations.Nullable;

/**
 * The window's state: which project is open, and the wiring between its screens (a node focused in the lineage shows
 * in the detail pane; a node clicked in the detail pane is focused in the lineage).
 */
public final class MainViewModel {

    private final LineageViewModel lineage;
    private final SelectionViewModel selection;
    private final DetailViewModel detail;
    private final OpenProjectViewModel open;
    private final Rescue rescue;
    private RunOverlay overlay = RunOverlay.NONE;
    private final ReadOnlyObjectWrapper<@Nullable ProjectSession> session =
            new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "dbt-rescue");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings", "");
    private final BooleanProperty openPanelShown = new SimpleBooleanProperty(this, "openPanelShown", true);

    /**
     * @param openProject makes the open-project screen's view-model, given what to call when a project opened
     * @param rescue the plan, run and export screens
     */
    public MainViewModel(
            LineageViewModel lineage,
            SelectionViewModel selection,
            DetailViewModel detail,
            Function<Consumer<ProjectSession>, OpenProjectViewModel> openProject,
            Rescue rescue) {
        this.lineage = lineage;
        this.selection = selection;
        this.detail = detail;
        this.rescue = rescue;
        this.open = openProject.apply(this::opened);
        detail.setNavigator(lineage::focus);
        lineage.focusedProperty().addListener((obs, was, now) -> showDetail(now.intValue()));
        PlanViewModel plan = rescue.plan();
        RunViewModel run = rescue.run();
        selection.selectionProperty().addListener((obs, was, now) -> {
            plan.setSelection(now);
            rescue.export().setSelection(now);
        });
        plan.batchOfNodeProperty().addListener((obs, was, now) -> {
            overlay = overlay.withBatches(now);
            lineage.setOverlay(overlay);
        });
        run.liveProperty().addListener((obs, was, now) -> {
            overlay = overlay.withLive(now);
            lineage.setOverlay(overlay);
        });
        run.setPlanSource(plan.planProperty()::get);
        // not while a new plan is being made: the one shown is for the selection before
        run.planReadyProperty()
                .bind(plan.planProperty().isNotNull().and(plan.busyProperty().not()));
        run.onReloaded(this::reloaded);
        run.onSelectRemaining(this::selectNodes);
        detail.setRunLogSource(run::nodeLog);
        run.onNodeLog(ids -> {
            if (ids.isEmpty() || ids.contains(detail.uniqueIdProperty().get())) {
                detail.refreshRunLog();
            }
        });
        rescue.export()
                .setJournals(() -> run.getHistory().stream()
                        .map(RunViewModel.HistoryRow::journal)
                        .toList());
    }

    /** The plan, run and export screens. */
    public Rescue rescue() {
        return rescue;
    }

    /** The open-project screen's state. */
    public OpenProjectViewModel open() {
        return open;
    }

    /** The lineage screen's state. */
    public LineageViewModel lineage() {
        return lineage;
    }

    /** The selection panel's state. */
    public SelectionViewModel selection() {
        return selection;
    }

    /** The detail pane's state. */
    public DetailViewModel detail() {
        return detail;
    }

    /** The open project, null before the first one opens. */
    public ReadOnlyObjectProperty<@Nullable ProjectSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The window title: the project and where it came from. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * What the user should know about the open project's artifacts (results for nodes the manifest lacks, dangling
     * dependencies, ...), one per line; empty when there is nothing.
     */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** True while the open-project panel covers the lineage (always before a project is open). */
    public BooleanProperty openPanelShownProperty() {
        return openPanelShown;
    }

    /** Shows the open-project panel. */
    public void showOpenPanel() {
        openPanelShown.set(true);
    }

    /** Hides the open-project panel, if a project is open to show instead. */
    public void hideOpenPanel() {
        openPanelShown.set(session.get() == null);
    }

    /** A project finished opening: every screen shows it. */
    public void opened(ProjectSession newSession) {
        session.set(newSession);
        title.set("dbt-rescue — " + newSession.title());
        warnings.set(String.join(
                "\n",
                newSession.project().warnings().stream().map(Object::toString).toList()));
        detail.clear();
        selection.setSession(newSession, lineage.setSession(newSession));
        rescue.plan().setSession(newSession);
        rescue.run().setSession(newSession);
        rescue.export().setSession(newSession);
        openPanelShown.set(false);
    }

    /**
     * The open project's artifacts were read again after dbt ran: the lineage recolours in place, the detail pane
     * and exports follow; once the run is over, the presets count again (which clears the selection).
     */
    void reloaded(ProjectSession newer) {
        session.set(newer);
        lineage.refreshStatuses(newer);
        rescue.export().setSession(newer);
        if (!rescue.run().runningProperty().get()) {
            selection.setSession(newer);
            rescue.plan().setSession(newer);
        }
        showDetail(lineage.focusedProperty().get());
    }

    /** Selects exactly these nodes (those of the project that still exist). */
    void selectNodes(List<NodeId> ids) {
        ProjectSession current = session.get();
        if (current == null) {
            return;
        }
        LineageGraph graph = current.project().graph();
        selection.replaceWith(
                ids.stream().filter(graph::contains).mapToInt(graph::indexOf).toArray());
    }

    private void showDetail(int graphIndex) {
        ProjectSession current = session.get();
        if (current == null || graphIndex < 0) {
            detail.clear();
            return;
        }
        detail.show(current, current.project().graph().nodeAt(graphIndex).id());
    }
}
