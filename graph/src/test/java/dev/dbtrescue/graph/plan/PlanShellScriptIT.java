// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.TestGraphs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported shell script, run by a real {@code /bin/sh} with a recording fake dbt. */
class PlanShellScriptIT {

    @TempDir
    Path dir;

    private static final String VARS = "{as_of: '2025-12-31', note: \"$HOME `id` \\\\ ; rm -rf /\"}";

    private RerunPlan plan() throws PlanningException {
        LineageGraph graph = TestGraphs.of("a -> b -> c");
        return PlanGraphs.plan(
                graph,
                PlanGraphs.all(graph),
                PlanOptions.defaults().withMaxNodes(1).withVars(VARS).withDefer("/srv/prod state/it's", false),
                DurationEstimator.defaults());
    }

    /** A fake dbt that appends its arguments (one per line, batch separator) and exits with $FAIL_ON_SELECT's code. */
    private Path fakeDbt(Path log) throws Exception {
        Path fake = dir.resolve("fake dbt");
        Files.writeString(fake, """
                #!/bin/sh
                for a in "$@"; do printf '%s\\n' "$a" >> "$LOG"; done
                echo '--- cwd' "$(pwd)" >> "$LOG"
                if [ "$3" = "$FAIL_ON" ]; then exit 1; fi
                exit 0
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private record Ran(int exit, String output) {}

    private Ran run(Path script, Path fake, Path log, String failOn, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DBT", fake.toString());
        env.put("LOG", log.toString());
        env.put("FAIL_ON", failOn);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Ran(process.exitValue(), output);
    }

    @Test
    void scriptStopsAtTheFirstFailedBatchAndResumesFromIt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("my project"));
        Path script = dir.resolve("plan.sh");
        RerunPlan plan = plan();
        Files.writeString(script, PlanFormats.shell(plan, Optional.of(project.toString())));
        Path log = dir.resolve("log.txt");
        Path fake = fakeDbt(log);

        Ran failed = run(script, fake, log, "shop.b");
        assertEquals(1, failed.exit(), failed.output());
        assertTrue(
                failed.output().contains("== batch 2 failed (exit 1). Fix it, then resume with: sh "), failed.output());
        List<String> expected = new ArrayList<>();
        for (Batch b : plan.batches().subList(0, 2)) {
            expected.addAll(b.command().arguments());
            expected.add("--- cwd " + project);
        }
        assertEquals(expected, Files.readAllLines(log));

        Files.delete(log);
        Ran resumed = run(script, fake, log, "none", "--from", "2");
        assertEquals(0, resumed.exit(), resumed.output());
        assertTrue(resumed.output().contains("== batch 1 of 3: skipped (--from 2)"), resumed.output());
        assertTrue(resumed.output().contains("== all 3 batches succeeded"), resumed.output());
        expected.clear();
        for (Batch b : plan.batches().subList(1, 3)) {
            expected.addAll(b.command().arguments());
            expected.add("--- cwd " + project);
        }
        assertEquals(expected, Files.readAllLines(log));
        assertTrue(expected.contains(VARS));
    }

    @Test
    void scriptRefusesABadResumePoint() throws Exception {
        Path script = dir.resolve("plan.sh");
        Files.writeString(script, PlanFormats.shell(plan(), Optional.empty()));
        Path log = dir.resolve("log.txt");
        Ran bad = run(script, fakeDbt(log), log, "none", "--from", "two");
        assertEquals(2, bad.exit());
        assertEquals("--from needs a batch number, not 'two'\n", bad.output());
    }
}
