// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static dev.dbtrescue.graph.plan.PlanGraphs.all;
import static dev.dbtrescue.graph.plan.PlanGraphs.minutes;
import static dev.dbtrescue.graph.plan.PlanGraphs.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.TestGraphs;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's JSON document, its exports and its diff. */
class PlanDocumentTest {

    private static RerunPlan sample(int maxNodes) throws PlanningException {
        LineageGraph graph = TestGraphs.of("a -> b -> test:t_b", "a -> c");
        return plan(
                graph,
                all(graph),
                PlanOptions.defaults().withMaxNodes(maxNodes).withTarget("prod"),
                minutes(2, "a", 1, "b", 2, "c", 3, "test:t_b", 0.5));
    }

    @Test
    void jsonDocumentReadsBackAsTheSamePlan() throws Exception {
        RerunPlan plan = sample(1);
        assertEquals(plan, PlanJson.read("plan.json", PlanJson.write(plan)));
        assertTrue(PlanJson.write(plan).startsWith("{\n  \"dbt_rescue_plan\" : 1,\n"));
    }

    @Test
    void truncatedJsonSaysWhereAndWhatToDo() throws Exception {
        String json = PlanJson.write(sample(1));
        PlanningException e = assertThrows(
                PlanningException.class, () -> PlanJson.read("plan.json", json.substring(0, json.length() / 2)));
        assertTrue(e.getMessage().startsWith("plan.json: not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("save the plan again with `dbt-rescue plan --format json`."));
    }

    @Test
    void foreignJsonIsNotAPlan() {
        PlanningException e =
                assertThrows(PlanningException.class, () -> PlanJson.read("manifest.json", "{\"metadata\": {}}"));
        assertEquals("manifest.json: not a dbt-rescue plan (no \"dbt_rescue_plan\" version field).", e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        String json = PlanJson.write(sample(1)).replace("\"dbt_rescue_plan\" : 1", "\"dbt_rescue_plan\" : 2");
        PlanningException e = assertThrows(PlanningException.class, () -> PlanJson.read("plan.json", json));
        assertEquals(
                "plan.json: plan format version 2 is not supported; this dbt-rescue reads version 1. Make the plan"
                        + " again with this version.",
                e.getMessage());
    }

    @Test
    void missingFieldIsNamedWithItsPath() throws Exception {
        String json = PlanJson.write(sample(1)).replace("\"selector\" :", "\"selektor\" :");
        PlanningException e = assertThrows(PlanningException.class, () -> PlanJson.read("plan.json", json));
        assertEquals(
                "plan.json: field batches[0].nodes[0].selector is missing or not a string; the file is not a complete"
                        + " dbt-rescue plan.",
                e.getMessage());
    }

    @Test
    void zeroLimitInADocumentIsRefused() throws Exception {
        String json = PlanJson.write(sample(1)).replace("\"max_nodes\" : 1", "\"max_nodes\" : 0");
        PlanningException e = assertThrows(PlanningException.class, () -> PlanJson.read("plan.json", json));
        assertEquals("plan.json: the maximum number of nodes per batch must be 1 or more, was 0", e.getMessage());
    }

    @Test
    void diffNamesMovedNodesAndChangedOptions() throws Exception {
        PlanDiff diff = PlanDiff.between(sample(1), sample(3));
        assertEquals(
                Map.of(
                        NodeId.of("model.shop.b"), new PlanDiff.Move(2, 1),
                        NodeId.of("test.shop.t_b"), new PlanDiff.Move(2, 1),
                        NodeId.of("model.shop.c"), new PlanDiff.Move(3, 1)),
                diff.moved());
        assertEquals(
                "Batches: 3 → 1\n"
                        + "Option max nodes: 1 → 3\n"
                        + "~ model.shop.b: batch 2 → 1\n"
                        + "~ model.shop.c: batch 3 → 1\n"
                        + "~ test.shop.t_b: batch 2 → 1\n"
                        + "Command of batch 1 changed\n",
                diff.describe());
        assertTrue(PlanDiff.between(sample(1), sample(1)).isEmpty());
    }

    @Test
    void textTableHasOneRowPerBatchAndEveryCommand() throws Exception {
        String text = PlanFormats.text(sample(1));
        assertEquals("""
                select · dbt build · split lineage · 3 batches · 3 nodes + 1 tests/exposures · 6m 30s with 2 threads \
                (≤ 1 nodes per batch)
                Selection: --select '*'

                Batch  Nodes  +Tests  Estimate  Flags  Runs
                    1      1       0  1m 0s     -      a
                    2      1       1  2m 30s    -      b
                    3      1       0  3m 0s     -      c

                Commands:
                    1  dbt build --select shop.a --target prod
                    2  dbt build --select shop.b --target prod
                    3  dbt build --select shop.c --target prod

                Critical path (4m 0s, the least any split can take): a → c
                """, text);
    }

    @Test
    void markdownHasATableWithTheCommandsAsCode() throws Exception {
        String md = PlanFormats.markdown(sample(1));
        assertTrue(md.startsWith("# Rescue plan: shop\n"), md);
        assertTrue(
                md.contains(
                        "| 2 | b (1 + 1 tests/exposures) | 2m 30s | - | `dbt build --select shop.b --target prod` |"),
                md);
    }

    @Test
    void shellScriptRunsEachBatchAndCanResume() throws Exception {
        String script = PlanFormats.shell(sample(3), Optional.of("/srv/my project"));
        assertTrue(script.startsWith("#!/bin/sh\n"), script);
        assertTrue(script.contains("if [ -z \"${DBT_PROJECT_DIR:-}\" ]; then DBT_PROJECT_DIR='/srv/my project'; fi\n"));
        assertTrue(
                script.contains(
                        "run_batch 1 'dbt build --select shop.a shop.b shop.c --target prod' \"$DBT\" build --select shop.a"
                                + " shop.b shop.c --target prod\n"),
                script);
    }
}
