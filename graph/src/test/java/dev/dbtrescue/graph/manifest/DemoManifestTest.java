// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our streaming reading of every committed demo manifest, checked field by field against a whole-tree reading of the
 * same file: what dbt wrote is the oracle.
 */
class DemoManifestTest {

    private static final List<String> COLLECTIONS = List.of(
            "nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests", "functions");

    /** The demo's manifests (dbt 1.12, v12) and the legacy project's, written by dbt 1.0 to 1.7 (v4 to v11). */
    static Stream<Path> manifests() {
        Stream<Path> demo = Stream.of("clean-build", "failed-build", "rerun", "state/prod", "state/current")
                .map(s -> Fixtures.demo(s).resolve("manifest.json"));
        return Stream.concat(demo, Fixtures.legacyVersions().stream().map(v -> v.resolve("manifest.json")));
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void readsEveryEnabledResourceDbtWrote(Path file) throws ArtifactException {
        JsonNode tree = Fixtures.tree(file);
        Set<String> expected = new TreeSet<>();
        for (String collection : COLLECTIONS) {
            tree.path(collection).fieldNames().forEachRemaining(expected::add);
        }
        Manifest manifest = new ManifestReader().read(file);
        assertEquals(
                expected,
                new TreeSet<>(
                        manifest.nodes().keySet().stream().map(NodeId::value).toList()));
        Set<String> disabled = new TreeSet<>();
        tree.path("disabled").fieldNames().forEachRemaining(disabled::add);
        assertEquals(
                disabled,
                new TreeSet<>(
                        manifest.disabled().keySet().stream().map(NodeId::value).toList()));
        assertEquals(tree.path("macros").size(), manifest.macros().size());
        assertEquals(tree.path("selectors").size(), manifest.selectors().size());
        String url = tree.path("metadata").path("dbt_schema_version").asText();
        assertEquals(
                ArtifactKind.versionFromSchemaUrl(url).orElseThrow(),
                manifest.metadata().schemaVersion());
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void keepsEachNodesFieldsAsDbtWroteThem(Path file) throws ArtifactException {
        JsonNode tree = Fixtures.tree(file);
        Manifest manifest = new ManifestReader().read(file);
        for (String collection : COLLECTIONS) {
            for (Map.Entry<String, JsonNode> entry : tree.path(collection).properties()) {
                JsonNode expected = entry.getValue();
                Node node = manifest.nodes().get(NodeId.of(entry.getKey()));
                String where = entry.getKey();
                assertEquals(
                        expected.path("resource_type").asText(), node.type().dbtName(), where);
                assertEquals(expected.path("name").asText(), node.name(), where);
                assertEquals(expected.path("package_name").asText(), node.packageName(), where);
                assertEquals(
                        expected.path("original_file_path").asText(),
                        node.location().originalFilePath(),
                        where);
                assertEquals(texts(expected.path("fqn")), node.fqn(), where);
                assertEquals(
                        texts(expected.path("depends_on").path("nodes")),
                        node.dependsOn().nodes().stream().map(NodeId::value).toList(),
                        where);
                assertEquals(
                        texts(expected.path("depends_on").path("macros")),
                        node.dependsOn().macros(),
                        where);
                assertEquals(expected.path("config"), node.config().json(), where);
                assertEquals(
                        expected.path("unrendered_config"),
                        node.unrenderedConfig().json(),
                        where);
                List<String> tags = node.type() == NodeType.UNIT_TEST && !expected.has("tags")
                        ? texts(expected.path("config").path("tags"))
                        : texts(expected.path("tags"));
                assertEquals(tags, node.tags(), where);
                List<String> columns = new ArrayList<>();
                expected.path("columns").fieldNames().forEachRemaining(columns::add);
                assertEquals(columns, node.columns(), where);
                if (expected.path("checksum").isObject()) {
                    assertEquals(
                            expected.path("checksum").path("checksum").asText(),
                            node.checksum().value(),
                            where);
                }
                assertEquals(
                        Optional.ofNullable(
                                expected.path("version").isNull()
                                                || expected.path("version").isMissingNode()
                                        ? null
                                        : expected.path("version").asText()),
                        node.details().version(),
                        where);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void loadsEveryNodesSqlOnDemandExactly(Path file) throws ArtifactException {
        JsonNode tree = Fixtures.tree(file);
        Manifest manifest = new ManifestReader().read(file);
        int checked = 0;
        for (String collection : COLLECTIONS) {
            for (Map.Entry<String, JsonNode> entry : tree.path(collection).properties()) {
                NodeId id = NodeId.of(entry.getKey());
                JsonNode raw = entry.getValue().has("raw_code")
                        ? entry.getValue().path("raw_code")
                        : entry.getValue().path("raw_sql"); // dbt 1.2 and older
                assertEquals(
                        raw.isTextual() ? Optional.of(raw.asText()) : Optional.empty(),
                        manifest.rawCode(id),
                        id.value());
                JsonNode compiled = entry.getValue().has("compiled_code")
                        ? entry.getValue().path("compiled_code")
                        : entry.getValue().path("compiled_sql");
                assertEquals(
                        compiled.isTextual() ? Optional.of(compiled.asText()) : Optional.empty(),
                        manifest.compiledCode(id),
                        id.value());
                checked += raw.isTextual() ? 1 : 0;
            }
        }
        assertTrue(checked > 10, "checked " + checked + " SQL bodies");
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void graphEdgesAreExactlyDbtsParentMap(Path file) throws ArtifactException {
        JsonNode tree = Fixtures.tree(file);
        LineageGraph graph =
                LineageGraph.of(new ManifestReader().read(file).nodes().values());
        assertTrue(tree.path("parent_map").size() > 0);
        int edges = 0;
        for (Map.Entry<String, JsonNode> entry : tree.path("parent_map").properties()) {
            Set<String> expected = new HashSet<>(texts(entry.getValue()));
            assertEquals(
                    expected,
                    new HashSet<>(graph.parentsOf(NodeId.of(entry.getKey())).stream()
                            .map(NodeId::value)
                            .toList()),
                    entry.getKey());
            edges += expected.size();
        }
        assertEquals(edges, graph.edgeCount());
        assertEquals(List.of(), graph.danglingDependencies());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> out.add(item.asText()));
        } else if (array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }
}
