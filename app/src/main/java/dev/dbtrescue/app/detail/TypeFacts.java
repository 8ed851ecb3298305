// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.Relation;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.SourceFreshness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The rows that only some resource types have: freshness for sources, type and URL for exposures, and so on. */
final class TypeFacts {

    private final ProjectSession session;
    private final Node node;
    private final List<DetailRow> rows = new ArrayList<>();

    private TypeFacts(ProjectSession session, Node node) {
        this.session = session;
        this.node = node;
    }

    static List<DetailRow> of(ProjectSession session, Node node) {
        var facts = new TypeFacts(session, node);
        switch (node.type()) {
            case SOURCE -> facts.source();
            case EXPOSURE -> facts.exposure();
            case TEST, UNIT_TEST -> facts.test();
            default -> facts.buildable();
        }
        return List.copyOf(facts.rows);
    }

    private void source() {
        node.details().source().ifPresent(s -> {
            add("source", s.sourceName());
            add("loaded_at_field", s.loadedAtField());
            add("criteria", DetailTexts.freshnessCriteria(s.freshness()));
        });
        add("relation", relation(node.relation()));
        Optional<SourceFreshness> freshness = session.project().status().freshness(node.id());
        freshness.ifPresentOrElse(
                f -> {
                    add("freshness", f.result().status().dbtName());
                    add("max_loaded_at", f.result().maxLoadedAt().map(Object::toString));
                    add("data age", f.dataAge().map(Durations::format));
                    add("checked", f.checkAge().map(a -> Durations.format(a) + " ago"));
                    add("error", f.result().error());
                },
                () -> add("freshness", "not measured (no sources.json result)"));
    }

    private void exposure() {
        node.details().exposure().ifPresent(e -> {
            add("type", e.type());
            add("label", e.label());
            add("maturity", e.maturity());
            add("url", e.url());
            add("owner email", e.ownerEmail());
        });
    }

    private void test() {
        LineageGraph graph = session.project().graph();
        add(
                "tests",
                String.join(
                        ", ",
                        graph.parentsOf(node.id()).stream()
                                .map(graph::requireNode)
                                .map(Node::label)
                                .toList()));
        node.details()
                .test()
                .ifPresent(t -> add(
                        "test",
                        t.name() + t.columnName().map(c -> " on column " + c).orElse("")));
        node.details().testedModel().ifPresent(m -> add("tested model", m));
        add("severity", node.config().text("severity"));
        Optional<NodeResult> result = session.project().status().lastResult(node.id());
        result.ifPresent(r -> r.failures().ifPresent(n -> add("failing rows", Long.toString(n))));
    }

    private void buildable() {
        add("relation", relation(node.relation()));
        add("access", node.details().access());
        add("group", node.details().group());
        add("version", node.details().version());
        add("language", node.details().language().filter(l -> !"sql".equals(l)));
        Optional<NodeResult> result = session.project().status().lastResult(node.id());
        result.ifPresent(r -> {
            add("last command", "dbt " + r.command());
            r.rowsAffected().ifPresent(n -> add("rows affected", Long.toString(n)));
        });
    }

    private static String relation(Relation relation) {
        return relation.relationName()
                .orElseGet(() -> String.join(
                        ".",
                        Stream.of(relation.database(), relation.schema(), relation.alias())
                                .flatMap(Optional::stream)
                                .toList()));
    }

    private void add(String label, Optional<String> value) {
        value.ifPresent(v -> add(label, v));
    }

    private void add(String label, String value) {
        if (!value.isBlank()) {
            rows.add(new DetailRow(label, value));
        }
    }
}
