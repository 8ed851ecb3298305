// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Selectors on real manifests written by dbt 1.0 to 1.7 (schema v4 to v11) select what they select on the same
 * project parsed by the pinned dbt 1.12.6: old shapes (raw_sql, list refs, no attached_node, ...) do not change the
 * answer. Methods whose subject did not exist yet in a version (groups, access, versions) are not among the cases.
 */
class LegacySelectionTest {

    private static final List<String> SELECTORS = List.of(
            "fct_orders",
            "+fct_orders",
            "stg_payments+",
            "@stg_orders",
            "tag:finance",
            "tag:*",
            "source:app+",
            "source:app.payments",
            "staging",
            "legacy_shop.marts.*",
            "path:models/staging",
            "file:fct_orders.sql",
            "resource_type:test",
            "resource_type:exposure",
            "test_type:singular",
            "test_type:generic",
            "test_name:relationships",
            "config.materialized:table",
            "config.materialized:incremental+",
            "exposure:*",
            "package:legacy_shop,resource_type:seed",
            "tag:finance,resource_type:model",
            "stg_orders+ --exclude resource_type:test",
            "*");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Path version : Fixtures.legacyVersions()) {
            for (String selector : SELECTORS) {
                cases.add(Arguments.of(version.getFileName().toString(), selector));
            }
        }
        return cases.stream();
    }

    private static Set<String> select(Path manifestFile, String selector) throws Exception {
        Manifest manifest = new ManifestReader().read(manifestFile);
        LineageGraph graph = LineageGraph.of(manifest.nodes().values());
        String[] parts = selector.split(" --exclude ");
        Selector parsed = new SelectorParser()
                .parse(List.of(parts[0]), parts.length > 1 ? List.of(parts[1]) : List.of(), IndirectSelection.EAGER);
        Set<String> ids = new TreeSet<>();
        for (NodeId id : new SelectorEvaluator(graph, manifest.projectName())
                .select(parsed)
                .nodes()) {
            ids.add(id.value());
        }
        return ids;
    }

    @ParameterizedTest(name = "dbt {0}: {1}")
    @MethodSource("cases")
    void selectsWhatThePinnedDbtsManifestSelects(String version, String selector) throws Exception {
        Path legacy = Fixtures.root()
                .resolve("graph/src/test/resources/fixtures/legacy")
                .resolve(version);
        Path current = Fixtures.root().resolve("graph/src/test/resources/fixtures/legacy-current/manifest.json");
        assertEquals(select(current, selector), select(legacy.resolve("manifest.json"), selector));
    }
}
