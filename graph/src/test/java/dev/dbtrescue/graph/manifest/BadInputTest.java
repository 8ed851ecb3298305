// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.status.LoadedProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives an {@link ArtifactException} naming the file, the problem and what to do. */
class BadInputTest {

    private static final String MANIFEST_V12 = "https://schemas.getdbt.com/dbt/manifest/v12.json";
    private static final String RUN_RESULTS_V6 = "https://schemas.getdbt.com/dbt/run-results/v6.json";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static String manifest(String schemaUrl, String nodes) {
        return """
                {"metadata": {"dbt_schema_version": "%s", "dbt_version": "1.12.6", "project_name": "shop",
                              "generated_at": "2026-11-20T10:00:00Z", "invocation_id": "inv-1"},
                 "nodes": {%s}, "sources": {}, "macros": {}}
                """.formatted(schemaUrl, nodes);
    }

    private static String model(String name, String... parents) {
        String deps = String.join(
                ",", List.of(parents).stream().map(p -> "\"" + p + "\"").toList());
        return """
                "model.shop.%1$s": {"unique_id": "model.shop.%1$s", "resource_type": "model", "name": "%1$s",
                  "package_name": "shop", "path": "%1$s.sql", "original_file_path": "models/%1$s.sql",
                  "fqn": ["shop", "%1$s"], "config": {"materialized": "view"}, "depends_on": {"nodes": [%2$s]}}
                """.formatted(name, deps);
    }

    private ArtifactException manifestError(String content) throws IOException {
        Path file = write("manifest.json", content);
        return assertThrows(ArtifactException.class, () -> new ManifestReader().read(file));
    }

    @Test
    void truncatedJsonSaysTruncatedAndWhere() throws IOException {
        String full = manifest(MANIFEST_V12, model("orders"));
        ArtifactException e = manifestError(full.substring(0, full.length() / 2));
        assertTrue(e.problem().startsWith("ends in the middle of the JSON (at line "), e.getMessage());
        assertTrue(e.problem().contains("truncated"), e.getMessage());
        assertEquals("Regenerate it with `dbt parse` in the dbt project", e.hint());
        assertEquals(dir.resolve("manifest.json").toString(), e.file());
    }

    @Test
    void emptyFileSaysEmpty() throws IOException {
        ArtifactException e = manifestError("");
        assertEquals("is empty (0 bytes)", e.problem());
    }

    @Test
    void whitespaceOnlyFileSaysNoJsonValue() throws IOException {
        ArtifactException e = manifestError("  \n ");
        assertEquals("is empty (no JSON value)", e.problem());
    }

    @Test
    void invalidJsonSaysWhere() throws IOException {
        ArtifactException e = manifestError("{\"metadata\": {\"dbt_schema_version\": oops}}");
        assertTrue(e.problem().startsWith("is not valid JSON (at line 1, column "), e.getMessage());
    }

    @Test
    void runResultsGivenAsManifestIsNamed() throws IOException {
        ArtifactException e =
                manifestError("{\"metadata\": {\"dbt_schema_version\": \"" + RUN_RESULTS_V6 + "\"}, \"results\": []}");
        assertEquals("this is a run_results.json (schema " + RUN_RESULTS_V6 + "), not a manifest.json", e.problem());
        assertTrue(e.hint().contains("target/manifest.json"), e.hint());
    }

    @Test
    void manifestGivenAsRunResultsIsNamed() throws IOException {
        Path file = write("run_results.json", manifest(MANIFEST_V12, ""));
        ArtifactException e = assertThrows(ArtifactException.class, () -> new RunResultsReader().read(file));
        assertEquals("this is a manifest.json (schema " + MANIFEST_V12 + "), not a run_results.json", e.problem());
    }

    @Test
    void schemaV3IsTooOld() throws IOException {
        ArtifactException e = manifestError(manifest("https://schemas.getdbt.com/dbt/manifest/v3.json", ""));
        assertEquals(
                "manifest.json schema v3 (dbt 1.12.6) is older than dbt-rescue reads (v4 to v12, dbt 1.0 and later)",
                e.problem());
        assertEquals("Regenerate it with dbt 1.0 or newer (`dbt parse`)", e.hint());
    }

    @Test
    void schemaV13IsTooNew() throws IOException {
        ArtifactException e = manifestError(manifest("https://schemas.getdbt.com/dbt/manifest/v13.json", ""));
        assertEquals(
                "manifest.json schema v13 (dbt 1.12.6) is newer than this dbt-rescue reads (up to v12)", e.problem());
        assertEquals("Update dbt-rescue, or regenerate the artifact with dbt 1.12 or older", e.hint());
    }

    @Test
    void jsonArrayIsNotAnArtifact() throws IOException {
        ArtifactException e = manifestError("[1, 2, 3]");
        assertTrue(e.problem().startsWith("is JSON but not a dbt artifact (its top level is an array"), e.problem());
    }

    @Test
    void foreignObjectWithoutMetadataIsNotAnArtifact() throws IOException {
        ArtifactException e = manifestError("{\"name\": \"my-package\", \"version\": \"1.0.0\"}");
        assertEquals("is JSON but has no \"metadata\" block, so it is not a dbt artifact", e.problem());
    }

    @Test
    void metadataWithoutSchemaVersionIsNotAnArtifact() throws IOException {
        ArtifactException e = manifestError("{\"metadata\": {\"generated_at\": \"2026-01-01T00:00:00Z\"}}");
        assertEquals("field metadata.dbt_schema_version is missing, so this is not a dbt artifact", e.problem());
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nope.json");
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ManifestReader().read(file));
        assertEquals("does not exist", e.problem());
    }

    @Test
    void folderGivenAsFileSaysSo() {
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ManifestReader().read(dir));
        assertEquals("is a folder, not a manifest.json file", e.problem());
    }

    @Test
    void projectWithoutTargetFolderSaysRunDbtFirst() {
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ArtifactLoader().loadProject(dir));
        assertEquals("has no target/ folder, so dbt has not written artifacts here yet", e.problem());
        assertTrue(e.hint().startsWith("Run `dbt parse`"), e.hint());
    }

    @Test
    void targetWithoutManifestSaysRunDbtParse() throws IOException {
        Files.createDirectory(dir.resolve("target"));
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ArtifactLoader().loadProject(dir));
        assertEquals("has no manifest.json", e.problem());
    }

    @Test
    void missingProjectFolderSaysSo() {
        Path missing = dir.resolve("no-such-project");
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ArtifactLoader().loadProject(missing));
        assertEquals("this project folder does not exist", e.problem());
    }

    @Test
    void resultsForUnknownNodesAreCountedInAWarning() throws Exception {
        Path manifest = write("manifest.json", manifest(MANIFEST_V12, model("orders")));
        Path results = write("run_results.json", """
                {"metadata": {"dbt_schema_version": "%s", "generated_at": "2026-11-20T10:05:00Z", "invocation_id": "r1"},
                 "args": {"which": "build"}, "elapsed_time": 1.0,
                 "results": [
                   {"unique_id": "model.shop.orders", "status": "success", "timing": [], "execution_time": 1.0},
                   {"unique_id": "model.shop.gone", "status": "success", "timing": [], "execution_time": 1.0},
                   {"unique_id": "model.shop.renamed", "status": "error", "timing": [], "execution_time": 1.0}]}
                """.formatted(RUN_RESULTS_V6));
        LoadedProject project = LoadedProject.of(
                new ArtifactLoader().load(manifest, List.of(results), List.of()),
                Instant.parse("2026-11-21T00:00:00Z"));
        assertEquals(
                List.of(new LoadWarning(
                        results.toString(),
                        "2 of its 3 results name nodes not in the manifest (e.g. model.shop.gone): they were renamed,"
                                + " removed or disabled since that run; those results are ignored")),
                project.warnings());
        assertEquals(2, project.status().unknownResults().size());
    }

    @Test
    void resultsOfAnotherProjectAreCalledOut() throws Exception {
        Path manifest = write("manifest.json", manifest(MANIFEST_V12, model("orders")));
        Path results = write("run_results.json", """
                {"metadata": {"dbt_schema_version": "%s", "invocation_id": "r1"}, "args": {"which": "run"},
                 "results": [{"unique_id": "model.other.x", "status": "success"}]}
                """.formatted(RUN_RESULTS_V6));
        LoadedProject project =
                LoadedProject.of(new ArtifactLoader().load(manifest, List.of(results), List.of()), Instant.EPOCH);
        assertTrue(
                project.warnings()
                        .get(0)
                        .message()
                        .startsWith("none of its 1 results name a node of the manifest of project 'shop'"),
                project.warnings().toString());
    }

    @Test
    void projectWithNoNodesLoadsWithAWarning() throws Exception {
        Path manifest = write("manifest.json", manifest(MANIFEST_V12, ""));
        LoadedProject project =
                LoadedProject.of(new ArtifactLoader().load(manifest, List.of(), List.of()), Instant.EPOCH);
        assertEquals(0, project.graph().size());
        assertEquals(
                "the project has no models, seeds, snapshots or sources, so there is nothing to show; "
                        + "add models and run `dbt parse`, or open another project",
                project.warnings().get(0).message());
    }

    @Test
    void cyclicDependenciesAreRejectedAsCorrupt() throws IOException {
        Path manifest = write(
                "manifest.json", manifest(MANIFEST_V12, model("a", "model.shop.b") + "," + model("b", "model.shop.a")));
        ArtifactException e = assertThrows(
                ArtifactException.class,
                () -> LoadedProject.of(new ArtifactLoader().load(manifest, List.of(), List.of()), Instant.EPOCH));
        assertTrue(e.problem().startsWith("the depends_on of 2 resources form a cycle"), e.problem());
    }

    @Test
    void aSourceWithoutResourceTypeTakesItsTypeAndComparedFieldsFromItsCollection() throws Exception {
        String content = manifest(MANIFEST_V12, "").replace("\"sources\": {}", """
                "sources": {"source.shop.raw.orders": {"unique_id": "source.shop.raw.orders", "name": "orders",
                  "source_name": "raw", "package_name": "shop", "identifier": "orders_v2",
                  "quoting": {"identifier": true}, "fqn": ["shop", "raw", "orders"]}}""");
        Manifest m = new ManifestReader().read(write("manifest.json", content));
        var source = m.nodes().get(dev.dbtrescue.graph.NodeId.of("source.shop.raw.orders"));
        assertEquals(dev.dbtrescue.graph.NodeType.SOURCE, source.type());
        assertEquals(
                "orders_v2",
                source.details()
                        .source()
                        .orElseThrow()
                        .compared()
                        .path("identifier")
                        .asText());
        assertEquals(
                true,
                source.details()
                        .source()
                        .orElseThrow()
                        .compared()
                        .path("quoting")
                        .path("identifier")
                        .asBoolean());
    }

    /** The load warnings of a manifest of {@code models} with {@code parentMap} as its parent_map. */
    private List<LoadWarning> warningsWithParentMap(String models, String parentMap) throws Exception {
        String content = manifest(MANIFEST_V12, models)
                .replace("\"macros\": {}", "\"macros\": {}, \"parent_map\": {" + parentMap + "}");
        return LoadedProject.of(
                        new ArtifactLoader().load(write("manifest.json", content), List.of(), List.of()), Instant.EPOCH)
                .warnings();
    }

    private LoadWarning parentMapDisagrees(int nodes, String example) {
        return new LoadWarning(
                dir.resolve("manifest.json").toString(),
                "parent_map disagrees with depends_on for " + nodes + " nodes (e.g. " + example
                        + "); the graph follows depends_on, as dbt's selection does");
    }

    @Test
    void aParentMapThatDisagreesWithDependsOnIsReported() throws Exception {
        assertEquals(
                List.of(parentMapDisagrees(1, "model.shop.b")),
                warningsWithParentMap(
                        model("a") + "," + model("b", "model.shop.a"), "\"model.shop.a\": [], \"model.shop.b\": []"));
    }

    @Test
    void aParentMapIsComparedAsSetsAndTheFirstDisagreeingIdIsTheExample() throws Exception {
        // c's duplicate and order do not count; d names a parent the manifest does not have; e another parent
        assertEquals(
                List.of(parentMapDisagrees(2, "model.shop.d")),
                warningsWithParentMap(
                        model("a") + "," + model("b") + "," + model("c", "model.shop.a", "model.shop.b", "model.shop.a")
                                + "," + model("d", "model.shop.a") + "," + model("e", "model.shop.a"),
                        "\"model.shop.e\": [\"model.shop.b\"], \"model.shop.a\": [], \"model.shop.b\": [],"
                                + " \"model.shop.c\": [\"model.shop.b\", \"model.shop.a\"],"
                                + " \"model.shop.d\": [\"model.shop.gone\"]"));
    }

    @Test
    void aDependencyOnAResourceMissingFromTheManifestIsReported() throws Exception {
        String content = manifest(MANIFEST_V12, model("b", "model.shop.gone"));
        LoadedProject project = LoadedProject.of(
                new ArtifactLoader().load(write("manifest.json", content), List.of(), List.of()), Instant.EPOCH);
        assertEquals(
                List.of(new LoadWarning(
                        dir.resolve("manifest.json").toString(),
                        "1 depends_on entries name resources that are not in the manifest (e.g. model.shop.b depends"
                                + " on model.shop.gone); those edges are not shown")),
                project.warnings());
    }

    @Test
    void unknownKeysAreIgnoredEverywhere() throws Exception {
        String content = manifest(
                        MANIFEST_V12,
                        model("orders")
                                .replace(
                                        "\"resource_type\"",
                                        "\"future_field\": {\"deep\": [1, {\"x\": null}]}, \"resource_type\""))
                .replace("\"nodes\"", "\"brand_new_collection\": {\"a\": 1}, \"nodes\"");
        Manifest m = new ManifestReader().read(write("manifest.json", content));
        assertEquals(1, m.nodes().size());
    }
}
