// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.app.common.LatestRequest;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.Manifest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * State and commands behind the detail pane of the selected node. Everything is formatted here, ready to bind; the
 * modified reason and the SQL are computed off the FX thread, and a newer {@link #show} or {@link #clear} drops
 * results still on their way. Call every method on the FX thread.
 */
public final class DetailViewModel extends DetailFields {

    static final String NO_COMPILED_SQL = "no compiled SQL in this manifest (compile or run dbt first)";
    static final String NO_RAW_SQL = "no SQL for this node in the manifest";
    static final String COMPARING = "comparing with the state manifest…";

    private final LatestRequest reasonRequests;
    private final LatestRequest sqlRequests;

    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ReadOnlyStringWrapper modifiedReason = new ReadOnlyStringWrapper(this, "modifiedReason", "");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
    private final ReadOnlyStringWrapper sqlTitle = new ReadOnlyStringWrapper(this, "sqlTitle", "");
    private final ReadOnlyBooleanWrapper sqlLoading = new ReadOnlyBooleanWrapper(this, "sqlLoading");
    private final ReadOnlyStringWrapper runLog = new ReadOnlyStringWrapper(this, "runLog", "");

    private @Nullable ProjectSession session; // FX thread only
    private Consumer<NodeId> navigator = this::showInSameSession;
    private Function<String, List<String>> runLogSource = uniqueId -> List.of();

    /**
     * @param background runs the state comparison and SQL reads
     * @param fx runs their results on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public DetailViewModel(Executor background, Executor fx) {
        this.reasonRequests = new LatestRequest(background, fx);
        this.sqlRequests = new LatestRequest(background, fx);
    }

    /**
     * Shows a node of a session; clears the pane when the node is not in it (a selection left over from an older
     * load). Drops the SQL and any result still on its way, then compares the node with the state in the background.
     */
    public void show(ProjectSession session, NodeId id) {
        Objects.requireNonNull(session, "session");
        if (!session.project().graph().contains(id)) {
            clear();
            return;
        }
        this.session = session;
        resetSql();
        setContent(DetailFormatter.format(session, id));
        visible.set(true);
        refreshRunLog();
        if (!session.hasStateManifest()) {
            reasonRequests.cancel(); // an earlier session's comparison must not land on this node
            modifiedReason.set(ModifiedReasons.NO_STATE);
            return;
        }
        modifiedReason.set(COMPARING);
        reasonRequests.submit(
                () -> ModifiedReasons.describe(session, id),
                modifiedReason::set,
                error -> modifiedReason.set("could not compare with the state: " + error.getMessage()));
    }

    /** Shows nothing: the placeholder instead of a node. Drops results still on their way. */
    public void clear() {
        reasonRequests.cancel();
        resetSql();
        setContent(DetailContent.EMPTY);
        modifiedReason.set("");
        runLog.set("");
        visible.set(false);
    }

    /** Where the lines a run logged about a node come from (by unique_id); none by default. */
    public void setRunLogSource(Function<String, List<String>> source) {
        this.runLogSource = Objects.requireNonNull(source, "source");
        refreshRunLog();
    }

    /** Reads the shown node's run log again (the run logged more about it, or a new run cleared it). */
    public void refreshRunLog() {
        String id = uniqueIdProperty().get();
        runLog.set(!visible.get() || id.isEmpty() ? "" : String.join("\n", runLogSource.apply(id)));
    }

    /** Where a click on a linked node goes; by default the pane shows that node of the same session. */
    public void setNavigator(Consumer<NodeId> navigator) {
        this.navigator = Objects.requireNonNull(navigator, "navigator");
    }

    /** Follows a linked node (a skipped node, an exposure, a test, a neighbour) through the navigator. */
    public void navigateTo(NodeId id) {
        navigator.accept(id);
    }

    /** Loads the shown node's compiled SQL off the FX thread into {@link #sqlProperty()}; the newest load wins. */
    public void loadCompiledSql() {
        loadSql("Compiled SQL", Manifest::compiledCode, NO_COMPILED_SQL);
    }

    /** Loads the shown node's SQL as written ({@code raw_code}) off the FX thread; the newest load wins. */
    public void loadRawSql() {
        loadSql("Raw SQL", Manifest::rawCode, NO_RAW_SQL);
    }

    private void loadSql(String kind, SqlReader reader, String absent) {
        ProjectSession current = session;
        if (current == null || !visible.get()) {
            return;
        }
        NodeId id = NodeId.of(uniqueIdProperty().get());
        Manifest manifest = current.project().artifacts().manifest();
        String label = current.project().graph().requireNode(id).label();
        sql.set("");
        sqlTitle.set("Loading " + kind.toLowerCase(Locale.ROOT) + "…");
        sqlLoading.set(true);
        sqlRequests.submit(
                () -> reader.read(manifest, id),
                code -> {
                    sqlLoading.set(false);
                    sql.set(code.orElse(""));
                    sqlTitle.set(code.isPresent() ? kind + " of " + label : absent);
                },
                error -> {
                    sqlLoading.set(false);
                    sqlTitle.set("could not read the SQL: " + error.getMessage());
                });
    }

    private void setContent(DetailContent shown) {
        apply(shown);
    }

    private void resetSql() {
        sqlRequests.cancel();
        sql.set("");
        sqlTitle.set("");
        sqlLoading.set(false);
    }

    private void showInSameSession(NodeId id) {
        if (session != null) {
            show(session, id);
        }
    }

    /** Reads one kind of SQL from a manifest. */
    private interface SqlReader {
        Optional<String> read(Manifest manifest, NodeId id);
    }

    /** False when nothing is shown (the view shows its placeholder). */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** Why the node is {@code state:modified}, that it is unchanged, or that no state was chosen. */
    public ReadOnlyStringProperty modifiedReasonProperty() {
        return modifiedReason.getReadOnlyProperty();
    }

    /** The SQL last loaded with {@link #loadCompiledSql()} or {@link #loadRawSql()}, empty when none. */
    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** What {@link #sqlProperty()} holds ({@code Compiled SQL of model orders}), or why it is empty. */
    public ReadOnlyStringProperty sqlTitleProperty() {
        return sqlTitle.getReadOnlyProperty();
    }

    /** What the current run logged about the shown node, one line per event; empty when nothing. */
    public ReadOnlyStringProperty runLogProperty() {
        return runLog.getReadOnlyProperty();
    }

    /** True while SQL is being read. */
    public ReadOnlyBooleanProperty sqlLoadingProperty() {
        return sqlLoading.getReadOnlyProperty();
    }
}
