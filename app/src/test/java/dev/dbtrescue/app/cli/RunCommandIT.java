// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.RealDbt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `dbt-rescue run` with the real, pinned dbt on a copy of the demo project. */
class RunCommandIT {

    @TempDir
    Path dir;

    @Test
    void runPrintsLiveNodeResultsStopsOnTheFailureResumesAndRunsASavedPlan() throws Exception {
        RealDbt dbt = RealDbt.demoCopy(dir);
        assertEquals(0, dbt.run("run-operation", "load_raw_data").exitCode());
        RealDbt.Outcome build = dbt.run("build", "--exclude", "resource_type:unit_test");
        assertEquals(0, build.exitCode(), build.output());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RootCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(
                "run",
                "--project",
                dbt.project().toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--dbt",
                RealDbt.install().toString(),
                "--env",
                "DBT_SEND_ANONYMOUS_USAGE_STATS=false",
                "--select",
                "int_payments_converted",
                "fct_payments",
                "--command",
                "run",
                "--max-nodes",
                "1",
                "--vars",
                "{demo_break_model: true}");

        assertEquals(1, exit, out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("== Batch 1: dbt run --select rescue_shop.intermediate.int_payments_converted"), text);
        assertTrue(text.matches("(?s).*\\d\\d:\\d\\d:\\d\\d  ERROR    model int_payments_converted \\(.*"), text);
        assertTrue(
                text.contains("== Batch 2: 1 nodes not run: an earlier batch failed and the policy is to stop"), text);
        assertTrue(text.contains("Run failed: error 1, not run 1 (journal "), text);
        assertTrue(err.toString().contains("2 nodes still need a run; resume with: run --project"), err.toString());
        try (Stream<Path> journals = Files.list(dir.resolve("data/runs"))) {
            List<Path> files =
                    journals.filter(p -> p.toString().endsWith(".jsonl")).toList();
            assertEquals(1, files.size());
        }
    }
}
