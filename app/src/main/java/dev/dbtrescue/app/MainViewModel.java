// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.detail.DetailViewModel;
import dev.dbtrescue.app.lineage.LineageViewModel;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.project.OpenProjectViewModel;
import dev.dbtrescue.app.project.ProjectSession;
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
    private final ReadOnlyObjectWrapper<@Nullable ProjectSession> session =
            new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "dbt-rescue");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings", "");
    private final BooleanProperty openPanelShown = new SimpleBooleanProperty(this, "openPanelShown", true);

    /**
     * @param openProject makes the open-project screen's view-model, given what to call when a project opened
     */
    public MainViewModel(
            LineageViewModel lineage,
            SelectionViewModel selection,
            DetailViewModel detail,
            Function<Consumer<ProjectSession>, OpenProjectViewModel> openProject) {
        this.lineage = lineage;
        this.selection = selection;
        this.detail = detail;
        this.open = openProject.apply(this::opened);
        detail.setNavigator(lineage::focus);
        lineage.focusedProperty().addListener((obs, was, now) -> showDetail(now.intValue()));
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
        openPanelShown.set(false);
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
