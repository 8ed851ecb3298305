// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.graph.status.NodeState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The read-only, display-ready properties of {@link DetailViewModel}, one per field of {@link DetailContent}. A base
 * class only to keep the view-model's commands and threading apart from thirty accessors; it has no behaviour beyond
 * {@link #apply}.
 */
abstract class DetailFields {

    private final ReadOnlyStringWrapper uniqueId = new ReadOnlyStringWrapper(this, "uniqueId", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyObjectWrapper<NodeState> status =
            new ReadOnlyObjectWrapper<>(this, "status", NodeState.NOT_RUN);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper errorClass = new ReadOnlyStringWrapper(this, "errorClass", "");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper(this, "advice", "");
    private final ReadOnlyStringWrapper firstLine = new ReadOnlyStringWrapper(this, "firstLine", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageLong = new ReadOnlyBooleanWrapper(this, "messageLong");
    private final ReadOnlyStringWrapper executionTime = new ReadOnlyStringWrapper(this, "executionTime", "");
    private final ReadOnlyStringWrapper materialization = new ReadOnlyStringWrapper(this, "materialization", "");
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper(this, "path", "");
    private final ReadOnlyStringWrapper tags = new ReadOnlyStringWrapper(this, "tags", "");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper blastRadius = new ReadOnlyStringWrapper(this, "blastRadius", "");
    private final ReadOnlyStringWrapper testsSummary = new ReadOnlyStringWrapper(this, "testsSummary", "");
    private final ReadOnlyStringWrapper lineage = new ReadOnlyStringWrapper(this, "lineage", "");
    private final ReadOnlyIntegerWrapper upstreamCount = new ReadOnlyIntegerWrapper(this, "upstreamCount");
    private final ReadOnlyIntegerWrapper downstreamCount = new ReadOnlyIntegerWrapper(this, "downstreamCount");
    private final ReadOnlyBooleanWrapper sqlAvailable = new ReadOnlyBooleanWrapper(this, "sqlAvailable");
    private final ObservableList<String> meta = FXCollections.observableArrayList();
    private final ObservableList<String> metaView = FXCollections.unmodifiableObservableList(meta);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<LinkedNode> blastExposures = FXCollections.observableArrayList();
    private final ObservableList<LinkedNode> blastExposuresView =
            FXCollections.unmodifiableObservableList(blastExposures);
    private final ObservableList<LinkedNode> skipped = FXCollections.observableArrayList();
    private final ObservableList<LinkedNode> skippedView = FXCollections.unmodifiableObservableList(skipped);
    private final ObservableList<LinkedNode> tests = FXCollections.observableArrayList();
    private final ObservableList<LinkedNode> testsView = FXCollections.unmodifiableObservableList(tests);
    private final ObservableList<DetailRow> facts = FXCollections.observableArrayList();
    private final ObservableList<DetailRow> factsView = FXCollections.unmodifiableObservableList(facts);
    private final ObservableList<LinkedNode> neighbours = FXCollections.observableArrayList();
    private final ObservableList<LinkedNode> neighboursView = FXCollections.unmodifiableObservableList(neighbours);

    /** Sets every property and list from one content value. */
    final void apply(DetailContent c) {
        uniqueId.set(c.uniqueId());
        title.set(c.title());
        subtitle.set(c.subtitle());
        status.set(c.status());
        statusText.set(c.statusText());
        errorClass.set(c.errorClass());
        advice.set(c.advice());
        firstLine.set(c.firstLine());
        message.set(c.message());
        messageLong.set(c.messageLong());
        executionTime.set(c.executionTime());
        materialization.set(c.materialization());
        path.set(c.path());
        tags.set(c.tags());
        owner.set(c.owner());
        description.set(c.description());
        blastRadius.set(c.blastRadius());
        testsSummary.set(c.testsSummary());
        lineage.set(c.lineage());
        upstreamCount.set(c.upstreamCount());
        downstreamCount.set(c.downstreamCount());
        sqlAvailable.set(c.sqlAvailable());
        meta.setAll(c.meta());
        columns.setAll(c.columns());
        blastExposures.setAll(c.blastExposures());
        skipped.setAll(c.skipped());
        tests.setAll(c.tests());
        facts.setAll(c.facts());
        neighbours.setAll(c.neighbours());
    }

    /** The shown node's unique_id (what "copy id" copies), empty when nothing is shown. */
    public ReadOnlyStringProperty uniqueIdProperty() {
        return uniqueId.getReadOnlyProperty();
    }

    /** The node's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Its type and full name, then its unique_id: {@code model orders · model.shop.orders}. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Its state, for picking a colour or glyph. */
    public ReadOnlyObjectProperty<NodeState> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The state with its age: {@code error · 3h 12m ago}, {@code not run}, {@code stale source · data 3d 2h old}. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The runbook class of its failure ({@code Database}), empty when it did not fail. */
    public ReadOnlyStringProperty errorClassProperty() {
        return errorClass.getReadOnlyProperty();
    }

    /** The usual first move for that class. */
    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** The first meaningful line of the error, why it was skipped, or why its source is late. */
    public ReadOnlyStringProperty firstLineProperty() {
        return firstLine.getReadOnlyProperty();
    }

    /** The whole message of its last result, without ANSI codes. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the message is long enough to start collapsed. */
    public ReadOnlyBooleanProperty messageLongProperty() {
        return messageLong.getReadOnlyProperty();
    }

    /** How long its last run took ({@code 12.4s}); empty when it did not run. */
    public ReadOnlyStringProperty executionTimeProperty() {
        return executionTime.getReadOnlyProperty();
    }

    /** The materialization of a model, seed or snapshot. */
    public ReadOnlyStringProperty materializationProperty() {
        return materialization.getReadOnlyProperty();
    }

    /** The file it is defined in, relative to the project root. */
    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** Its tags, comma-separated. */
    public ReadOnlyStringProperty tagsProperty() {
        return tags.getReadOnlyProperty();
    }

    /** Its owner ({@code meta.owner} or the exposure owner). */
    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Its description. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** What is downstream: {@code 14 models, 1 snapshot downstream · 2 exposures: weekly_kpis, finance_dash}. */
    public ReadOnlyStringProperty blastRadiusProperty() {
        return blastRadius.getReadOnlyProperty();
    }

    /** The tests attached to it with their outcomes: {@code 4 tests: 3 pass, 1 fail (not_null_orders_id)}. */
    public ReadOnlyStringProperty testsSummaryProperty() {
        return testsSummary.getReadOnlyProperty();
    }

    /** {@code 3 upstream · 14 downstream}. */
    public ReadOnlyStringProperty lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    /** How many nodes it depends on, transitively. */
    public ReadOnlyIntegerProperty upstreamCountProperty() {
        return upstreamCount.getReadOnlyProperty();
    }

    /** How many nodes depend on it, transitively. */
    public ReadOnlyIntegerProperty downstreamCountProperty() {
        return downstreamCount.getReadOnlyProperty();
    }

    /** True when the manifest holds SQL for it, so the load buttons apply. */
    public ReadOnlyBooleanProperty sqlAvailableProperty() {
        return sqlAvailable.getReadOnlyProperty();
    }

    /** Its meta as {@code key: value} lines (read-only list). */
    public ObservableList<String> getMeta() {
        return metaView;
    }

    /** Its documented columns (read-only list). */
    public ObservableList<String> getColumns() {
        return columnsView;
    }

    /** The exposures downstream of it (read-only list). */
    public ObservableList<LinkedNode> getBlastExposures() {
        return blastExposuresView;
    }

    /** The nodes its failure skipped, sorted (read-only list). */
    public ObservableList<LinkedNode> getSkipped() {
        return skippedView;
    }

    /** The tests attached to it, {@code outcome · name} (read-only list). */
    public ObservableList<LinkedNode> getTests() {
        return testsView;
    }

    /** The type-specific rows: freshness, exposure type and URL, the tested node, ... (read-only list). */
    public ObservableList<DetailRow> getFacts() {
        return factsView;
    }

    /** Its parents ({@code ↑}) and non-test children ({@code ↓}) (read-only list). */
    public ObservableList<LinkedNode> getNeighbours() {
        return neighboursView;
    }
}
