// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt is the oracle for the planner's commands: real {@code dbt ls}, given each batch's selection arguments and the
 * command's resource types, must list exactly the batch's nodes.
 */
class PlanDbtOracleIT {

    @TempDir
    Path scratch;

    @Test
    void realDbtSelectsExactlyEachBatchOfTheDemoPlans() throws Exception {
        RealDbt dbt = RealDbt.demoCopy(scratch);
        LoadedProject project = DemoPlanTest.failedBuild();
        ExactSelectors selectors = ExactSelectors.of(project.graph());
        RescuePresets presets = new RescuePresets(project, selectors, SelectionState.NONE);
        RerunPlanner planner = new RerunPlanner(
                selectors, DurationEstimator.fromHistory(project.artifacts().runResults()));
        PresetSelection failed = presets.failed();
        PresetSelection finance =
                presets.select(List.of("tag:finance+", "stg_shop__orders+1"), List.of(), IndirectSelection.EAGER);

        Map<String, Set<NodeId>> expected = new LinkedHashMap<>();
        for (PresetSelection selection : List.of(failed, finance)) {
            for (SplitMode split : List.of(SplitMode.LINEAGE, SplitMode.WAVES, SplitMode.FOLDER)) {
                for (DbtVerb verb : List.of(DbtVerb.BUILD, DbtVerb.RUN, DbtVerb.TEST)) {
                    RerunPlan plan = planner.plan(
                            selection.nodes(),
                            PlanOptions.defaults()
                                    .withSplit(split)
                                    .withVerb(verb)
                                    .withMaxNodes(4),
                            PlanGraphs.SOURCE);
                    for (Batch batch : plan.batches()) {
                        expected.putIfAbsent(
                                String.join("\u0000", lsArguments(batch.command())), new TreeSet<>(batch.ids()));
                    }
                }
            }
        }
        assertTrue(expected.size() >= 12, "only " + expected.size() + " distinct commands");
        assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("cautious") || k.contains("--exclude")));

        // one dbt process, the project parsed once: each command's ls through dbt's own programmatic API
        ObjectMapper mapper = new ObjectMapper();
        List<List<String>> calls = new ArrayList<>();
        expected.keySet().forEach(k -> calls.add(List.of(k.split("\u0000"))));
        Path callsFile = scratch.resolve("calls.json");
        Path answersFile = scratch.resolve("answers.json");
        mapper.writeValue(callsFile.toFile(), calls);
        RealDbt.Outcome outcome = dbt.runPython(
                Fixtures.root().resolve("scripts/dbt_ls_many.py"),
                dbt.project().toString(),
                callsFile.toString(),
                answersFile.toString());
        assertEquals(0, outcome.exitCode(), outcome.output());
        JsonNode answers = mapper.readTree(answersFile.toFile());
        int k = 0;
        for (Map.Entry<String, Set<NodeId>> e : expected.entrySet()) {
            JsonNode answer = answers.get(k++);
            assertTrue(answer.path("success").asBoolean(), answer.toString());
            Set<NodeId> listed = new TreeSet<>();
            for (JsonNode line : answer.path("lines")) {
                listed.add(NodeId.of(
                        mapper.readTree(line.asText()).path("unique_id").asText()));
            }
            assertEquals(e.getValue(), listed, String.join(" ", calls.get(k - 1)));
        }
    }

    /** {@code dbt ls} with the batch's selection arguments and the resource types its command runs. */
    private static List<String> lsArguments(DbtCommand command) {
        List<String> args = command.arguments();
        DbtVerb verb = DbtVerb.fromDbt(args.getFirst()).orElseThrow();
        List<String> out = new ArrayList<>();
        boolean keep = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                keep = arg.equals("--select") || arg.equals("--exclude") || arg.equals("--indirect-selection");
            }
            if (keep) {
                out.add(arg);
            }
        }
        out.add("--resource-type");
        verb.types().forEach(t -> out.add(t.dbtName()));
        out.addAll(List.of("--output", "json", "--output-keys", "unique_id"));
        return out;
    }
}
