// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs `run` refuses before it starts dbt: each with a message that says what to do. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copyDemoArtifacts() throws IOException {
        project = dir.resolve("rescue_shop");
        Path target = Files.createDirectories(project.resolve("target"));
        try (Stream<Path> files = Files.list(Fixtures.demo("failed-build"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    private CliRun run(String... args) {
        List<String> all =
                new ArrayList<>(List.of("run", "--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    @Test
    void runNeedsAPlanOrPlanOptions() {
        CliRun r = run("--project", project.toString());
        assertEquals(2, r.exit());
        assertEquals(
                "dbt-rescue: give --plan FILE, or plan options such as --preset failed or --select SELECTOR\n",
                r.err());
    }

    @Test
    void unknownFailurePolicyIsRefused() {
        CliRun r = run("--project", project.toString(), "--preset", "failed", "--on-failure", "retry");
        assertEquals(2, r.exit());
        assertEquals("dbt-rescue: --on-failure must be stop or continue, not 'retry'\n", r.err());
    }

    @Test
    void planOptionsAreValidatedLikePlansOwn() {
        CliRun r = run("--project", project.toString(), "--preset", "failed", "--split", "wave");
        assertEquals(2, r.exit());
        assertTrue(
                r.err().startsWith("dbt-rescue: --split must be waves, lineage, folder, tag or group, not 'wave'"),
                r.err());
    }

    @Test
    void aRemoteRunNeedsTheRemoteFolder() {
        CliRun r = run("--project", project.toString(), "--preset", "failed", "--host", "analytics@db.example.com");
        assertEquals(2, r.exit());
        assertEquals(
                "dbt-rescue: --host needs --remote-dir: the dbt project folder on analytics@db.example.com\n", r.err());
    }

    @Test
    void aSavedPlanOfAnotherManifestIsRefused() throws IOException {
        Path plan = dir.resolve("plan.json");
        CliRun saved = CliRun.of(
                "plan",
                "--project",
                project.toString(),
                "--preset",
                "failed",
                "--format",
                "json",
                "-o",
                plan.toString());
        assertEquals(0, saved.exit(), saved.err());
        Files.copy(
                Fixtures.demo("clean-build").resolve("manifest.json"),
                project.resolve("target/manifest.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun r = run("--project", project.toString(), "--plan", plan.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the project changed since; make a new plan"), r.err());
    }

    @Test
    void aSecretVariableMustExistAndIsNeverEchoed() {
        CliRun r = run("--project", project.toString(), "--preset", "failed", "--secret-env", "DBT_RESCUE_NO_SUCH_VAR");
        assertEquals(2, r.exit());
        assertEquals(
                "dbt-rescue: --secret-env DBT_RESCUE_NO_SUCH_VAR: no such variable in this environment; export"
                        + " it first (its value is never printed)\n",
                r.err());
    }

    @Test
    void aFileThatIsNotAJournalCannotBeResumed() throws IOException {
        Path bogus = dir.resolve("bogus.jsonl");
        Files.writeString(bogus, "{\"hello\": 1}\n");
        CliRun r = run("--project", project.toString(), "--resume", bogus.toString());
        assertEquals(2, r.exit());
        assertEquals(
                "dbt-rescue: " + bogus + ", line 1 is not a run-started record: this is not a dbt-rescue run"
                        + " journal\n",
                r.err());
    }
}
