// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.plan.BatchFlag;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.RerunPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanCommandTest {

    private static final String NOW = "2026-11-21T20:00:00Z";

    @TempDir
    Path dir;

    private Path project;
    private Path state;

    @BeforeEach
    void copyDemoArtifacts() throws IOException {
        project = dir.resolve("rescue_shop");
        Path target = Files.createDirectories(project.resolve("target"));
        try (Stream<Path> files = Files.list(Fixtures.demo("failed-build"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        state = Files.createDirectories(dir.resolve("prod"));
        Files.copy(Fixtures.root().resolve("demo/artifacts/state/prod/manifest.json"), state.resolve("manifest.json"));
    }

    private CliRun plan(String... args) {
        List<String> all = new ArrayList<>(List.of("plan", "--project", project.toString(), "--now", NOW));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    @Test
    void failedPresetPrintsTheBatchesWithTheirCommandsAndWhy() {
        CliRun run = plan("--preset", "failed", "--max-nodes", "4");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("failed · dbt build · split lineage · 5 batches · 14 nodes"), run.out());
        assertTrue(
                run.out()
                        .contains("Selection: --select 'rescue_shop.marts.finance.fin_fx_rates+"
                                + " rescue_shop.intermediate.int_payments_converted+'"),
                run.out());
        assertTrue(run.out().contains("    1  dbt build --select rescue_shop.marts.finance.fin_fx_rates\n"), run.out());
        assertTrue(run.out().contains("  model.rescue_shop.int_payments_converted: last result error: Runtime Error"));
        assertEquals("", run.err());
    }

    @Test
    void jsonOutputIsAPlanDocumentWithTheAskedOptions() throws Exception {
        CliRun run = plan(
                "--preset",
                "failed",
                "--split",
                "waves",
                "--max-minutes",
                "2.5",
                "--threads",
                "2",
                "--target",
                "prod",
                "--full-refresh",
                "int_payments_converted",
                "--format",
                "json");
        assertEquals(0, run.exit(), run.err());
        RerunPlan plan = PlanJson.read("stdout", run.out());
        assertEquals("failed", plan.source().preset());
        assertEquals(150, plan.options().maxDuration().orElseThrow().toSeconds());
        var refresh = plan.batchOf(NodeId.of("model.rescue_shop.int_payments_converted"))
                .orElseThrow();
        assertTrue(refresh.flags().contains(BatchFlag.FULL_REFRESH));
        assertEquals(1, refresh.primaryCount());
        assertEquals(
                List.of(
                        "dbt",
                        "build",
                        "--select",
                        "rescue_shop.intermediate.int_payments_converted",
                        "--full-refresh",
                        "--target",
                        "prod",
                        "--threads",
                        "2"),
                refresh.command().argv());
    }

    @Test
    void modifiedPresetWithDeferUsesTheStateFolder() {
        CliRun run = plan("--preset", "modified", "--state", state.toString(), "--defer", "--format", "shell");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("#!/bin/sh\n"), run.out());
        assertTrue(run.out().contains(" --defer --state " + state.toAbsolutePath()), run.out());
    }

    @Test
    void selectorPlanWritesTheFileAndDiffsAgainstASavedPlan() throws Exception {
        Path saved = dir.resolve("plans/plan.json");
        CliRun first = plan("--select", "tag:finance+", "--max-nodes", "2", "--format", "json", "-o", saved.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().startsWith("dbt-rescue: wrote "), first.err());
        CliRun second = plan("--select", "tag:finance+", "--max-nodes", "3", "--diff", saved.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("Option max nodes: 2 → 3"), second.err());
    }

    @Test
    void historyFilesTurnDefaultEstimatesIntoMeasuredOnes() throws Exception {
        CliRun without = plan("--preset", "failed", "--format", "json");
        CliRun with = plan(
                "--preset",
                "failed",
                "--format",
                "json",
                "--history",
                Fixtures.demo("clean-build").resolve("run_results.json").toString());
        assertEquals(0, with.exit(), with.err());
        assertTrue(PlanJson.read("without", without.out())
                .warnings()
                .contains("50 of 52 nodes have no recorded run; their times are estimates by resource type and"
                        + " materialization (marked ~)."));
        assertTrue(PlanJson.read("with", with.out()).warnings().stream().noneMatch(w -> w.contains("no recorded run")));
    }

    @Test
    void seedCommandPlansOnlySeedsAndExcludeNarrowsAPreset() throws Exception {
        CliRun run = plan(
                "--select", "resource_type:seed+1", "--command", "seed", "--exclude", "fx_rates", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        RerunPlan plan = PlanJson.read("stdout", run.out());
        assertTrue(plan.nodeCount() > 0);
        assertTrue(plan.batches().stream()
                .allMatch(b -> b.command().argv().subList(0, 2).equals(List.of("dbt", "seed"))));
        assertTrue(plan.batches().stream()
                .flatMap(b -> b.nodes().stream())
                .allMatch(n -> n.id().value().startsWith("seed.") && !n.name().equals("fx_rates")));
        CliRun failedOnly = plan("--preset", "failed", "--exclude", "fin_fx_rates", "--format", "json");
        RerunPlan narrowed = PlanJson.read("stdout", failedOnly.out());
        assertEquals("failed", narrowed.source().preset());
        assertEquals("fin_fx_rates", narrowed.source().exclude());
        assertTrue(narrowed.batchOf(NodeId.of("model.rescue_shop.fin_fx_rates")).isEmpty());
    }

    @Test
    void markdownFormatIsATable() {
        CliRun run = plan("--select", "stg_shop__orders+1", "--format", "markdown");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("| Batch | Nodes | Estimate | Flags | Command |"), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --preset faild | --preset 'faild' is not a preset: use failed, modified or stale (did you mean 'failed'?), or give a selector with --select.
            --preset modified | The modified preset compares against a production manifest: pass --state DIR, where DIR/manifest.json comes from the production run.
            --preset failed --max-nodes 0 | --max-nodes must be 1 or more, was 0: a batch runs at least one node.
            --preset failed --max-minutes -5 | --max-minutes must be more than 0 minutes, was -5.0.
            --preset failed --full-refresh int_paymnts_converted | --full-refresh int_paymnts_converted: no model, seed or snapshot of this project has that name (did you mean 'int_payments_converted'?).
            --preset failed --full-refresh stg_shop__orders | --full-refresh model.rescue_shop.stg_shop__orders: not among the nodes this `dbt build` runs; add it to the selection or drop the flag
            --preset failed --split lineages | --split must be waves, lineage, folder, tag or group, not 'lineages' (did you mean 'lineage'?)
            --preset failed --format yaml | --format must be text, json, markdown or shell, not 'yaml'
            --select tga:finance | unknown method 'tga' at column 1 — did you mean 'tag'?
            --preset failed --defer | --defer needs --state DIR: the production artifacts to defer to.
            --preset stale --stale-parts age,freshnes | --stale-parts: 'freshnes' is not a part of the stale preset: use fresher, freshness, age, parents (did you mean 'freshness'?).
            """)
    void badInputGetsASpecificMessageAndExit2(String args, String message) {
        CliRun run = plan(args.strip().split(" "));
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("dbt-rescue: " + message.strip()), run.err());
        assertEquals("", run.out());
    }

    @Test
    void failedPresetWithoutRunResultsSaysWhatToRun() throws Exception {
        Files.delete(project.resolve("target/run_results.json"));
        CliRun run = plan("--preset", "failed");
        assertEquals(2, run.exit());
        assertEquals(
                "dbt-rescue: The failed preset needs the results of a run, and this project has no run_results.json in"
                        + " target/: run dbt first, or add earlier results with --history FILE.\n",
                run.err());
    }

    @Test
    void diffAgainstAForeignFileIsRefused() throws Exception {
        Path foreign = dir.resolve("manifest.json");
        Files.writeString(foreign, "{\"metadata\": {}}");
        CliRun run = plan("--preset", "failed", "--diff", foreign.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("not a dbt-rescue plan"), run.err());
    }
}
