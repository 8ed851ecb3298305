// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactClassifierTest {

    @TempDir
    Path tmp;

    private final ArtifactClassifier classifier = new ArtifactClassifier();
    private final Path failedBuild = Fixtures.demo("failed-build");

    @Test
    void namesDecideFirst() throws Exception {
        Path runs2 = Files.copy(failedBuild.resolve("run_results.json"), tmp.resolve("run_results_monday.json"));

        var files = classifier.classify(
                List.of(runs2, failedBuild.resolve("sources.json"), failedBuild.resolve("manifest.json")),
                Optional.empty());

        assertEquals(
                new ProjectSource.ArtifactFiles(
                        failedBuild.resolve("manifest.json"),
                        List.of(runs2),
                        List.of(failedBuild.resolve("sources.json")),
                        Optional.empty()),
                files);
    }

    @Test
    void otherJsonNamesAreToldApartByTheirSchema() throws Exception {
        Path manifest = Files.copy(failedBuild.resolve("manifest.json"), tmp.resolve("prod-manifest.JSON"));
        Path runs = Files.copy(failedBuild.resolve("run_results.json"), tmp.resolve("last-night.json"));
        Path freshness = Files.copy(failedBuild.resolve("sources.json"), tmp.resolve("freshness.json"));

        assertEquals(
                List.of(ArtifactKind.MANIFEST, ArtifactKind.RUN_RESULTS, ArtifactKind.SOURCES),
                List.of(classifier.kindOf(manifest), classifier.kindOf(runs), classifier.kindOf(freshness)));
    }

    @Test
    void aCatalogIsRefusedWithWhatItIs() throws Exception {
        Path catalog = Files.writeString(
                tmp.resolve("catalog.json"),
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/catalog/v1.json\"}}");

        var e = assertThrows(
                ProjectLoadException.class,
                () -> classifier.classify(List.of(failedBuild.resolve("manifest.json"), catalog), Optional.empty()));

        assertEquals(
                catalog + ": is catalog.json from `dbt docs generate`, which holds warehouse column types, not run"
                        + " results. Open manifest.json, run_results.json and sources.json instead",
                e.getMessage());
    }

    @Test
    void filesWithoutAManifestAreRefused() {
        var e = assertThrows(
                ProjectLoadException.class,
                () -> classifier.classify(List.of(failedBuild.resolve("run_results.json")), Optional.empty()));

        assertEquals(
                "No manifest.json among the files: dbt-rescue needs the project's manifest.json (in target/) together"
                        + " with run_results.json. Add it to the files you open",
                e.getMessage());
    }

    @Test
    void aFolderWithATargetIsAProjectFolder() throws Exception {
        Path project = TestProjects.failedBuildProject(tmp.resolve("shop"));

        assertEquals(
                new ProjectSource.LocalFolder(project, Optional.empty()),
                classifier.sourceOf(List.of(project), Optional.empty()));
    }

    @Test
    void aCopiedTargetFolderOpensItsFiles() throws Exception {
        assertEquals(
                new ProjectSource.ArtifactFiles(
                        failedBuild.resolve("manifest.json"),
                        List.of(failedBuild.resolve("run_results.json")),
                        List.of(failedBuild.resolve("sources.json")),
                        Optional.empty()),
                classifier.sourceOf(List.of(failedBuild), Optional.empty()));
    }
}
