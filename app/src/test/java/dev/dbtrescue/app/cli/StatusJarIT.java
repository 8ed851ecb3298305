// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code app/target/dbt-rescue.jar}, run as users run it. */
class StatusJarIT {

    private static final Path JAR = Path.of(System.getProperty("dbtrescue.jar", "target/dbt-rescue.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private record Run(int exit, String out) {}

    private static Run run(List<String> prefix, String... args) throws IOException, InterruptedException {
        return run(prefix, JAR, args);
    }

    private static Run run(List<String> prefix, Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(JAVA.toString(), "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished");
        return new Run(process.exitValue(), out);
    }

    @Test
    void statusOfTheDemoIncidentRunsFromTheJar(@TempDir Path project) throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
        Run run = run(List.of(), "status", "--project", project.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("model.rescue_shop.int_payments_converted  error · Database"), run.out());
    }

    @Test
    void planOfTheDemoIncidentRunsFromTheJar(@TempDir Path project) throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
        Path out = project.resolve("rescue.json");
        Run run = run(
                List.of(),
                "plan",
                "--project",
                project.toString(),
                "--preset",
                "failed",
                "--max-nodes",
                "4",
                "--format",
                "json",
                "-o",
                out.toString());
        assertEquals(0, run.exit(), run.out());
        var plan = dev.dbtrescue.graph.plan.PlanJson.read("rescue.json", Files.readString(out));
        assertEquals(14, plan.batches().stream().mapToInt(b -> b.primaryCount()).sum());
    }

    @Test
    void versionNamesTheArtifactSchemasItReads() throws Exception {
        Run run = run(List.of(), "--version");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("manifest.json v4-v12"), run.out());
    }

    @Test
    void versionIsTheProjectVersionFromTheJarManifest() throws Exception {
        // failsafe passes the pom's version, so a release bump needs no edit here
        String expected = System.getProperty("dbtrescue.version");
        assertTrue(expected != null && !expected.isBlank(), "failsafe sets dbtrescue.version");
        Run run = run(List.of(), "--version");
        assertEquals(0, run.exit(), run.out());
        assertEquals("dbt-rescue " + expected, run.out().lines().findFirst().orElse(""), run.out());
    }

    @Test
    void unreadableManifestExitsTwoWithPermissionDenied(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path target = Files.createDirectories(project.resolve("target"));
        Path manifest =
                Files.copy(Fixtures.demo("clean-build").resolve("manifest.json"), target.resolve("manifest.json"));
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("-w-------"));
        List<String> asUser = List.of();
        Path jar = JAR;
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads any file, so run as an unprivileged user for whom the file is unreadable
            for (Path p = manifest.getParent(); p != null; p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                if (p.equals(dir)) {
                    break;
                }
            }
            // a copy of the jar where that user can read it, wherever the checkout lives
            jar = Files.copy(JAR, dir.resolve("dbt-rescue.jar"));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            asUser = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
        }
        Run run = run(asUser, jar, "status", "--project", project.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.out().contains(manifest + ": cannot be read: permission denied."), run.out());
    }
}
