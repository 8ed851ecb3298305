// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.select.Selection;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark: parse and evaluate representative selectors on a large project, after load; beside each, the time the
 * real dbt takes for the same selector (read from a file written by {@code scripts/bench-select}, which runs dbt's
 * own {@code ls} with the manifest already loaded, in one dbt process) and the ratio.
 *
 * <p>Arguments: PROJECT_DIR SELECTORS_FILE [DBT_TIMINGS_JSONL] [RUNS].
 */
public final class SelectBench {

    private SelectBench() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        List<String> selectors = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        Map<String, JsonNode> dbt = new HashMap<>();
        if (args.length > 2 && Files.exists(Path.of(args[2]))) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                JsonNode timing = json.readTree(line);
                dbt.put(timing.path("selector").asText(), timing);
            }
        }
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Manifest manifest = new ManifestReader().read(project.resolve("target/manifest.json"));
        LineageGraph graph = LineageGraph.of(manifest.nodes().values());
        Path prodState = project.resolve("prod-state/manifest.json");
        var state = Files.exists(prodState)
                ? new dev.dbtrescue.graph.select.SelectionState(
                        java.util.Optional.of(new ManifestReader().read(prodState)),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty())
                : dev.dbtrescue.graph.select.SelectionState.NONE;
        SelectorEvaluator evaluator = new SelectorEvaluator(graph, manifest, state);
        SelectorParser parser = new SelectorParser();
        System.out.printf(
                Locale.ROOT, "project %s: %d resources, %d edges%n", project, graph.size(), graph.edgeCount());
        System.out.printf(
                Locale.ROOT,
                "%-58s %8s %10s %12s %10s %8s%n",
                "selector",
                "nodes",
                "ours ms",
                "dbt ls ms",
                "ratio",
                "same");
        List<Double> medians = new ArrayList<>();
        for (String selector : selectors) {
            List<Double> times = new ArrayList<>();
            Selection selection = null;
            for (int i = 0; i < runs + 3; i++) {
                long t0 = System.nanoTime();
                selection = evaluator.select(parser.parse(
                        List.of(selector.split(" --exclude ")[0]),
                        selector.contains(" --exclude ") ? List.of(selector.split(" --exclude ")[1]) : List.of(),
                        dev.dbtrescue.graph.select.IndirectSelection.EAGER));
                long t1 = System.nanoTime();
                if (i >= 3) {
                    times.add((t1 - t0) / 1e6);
                }
            }
            double ours = median(times);
            medians.add(ours);
            JsonNode timing = dbt.get(selector);
            String dbtMs = timing == null
                    ? "-"
                    : String.format(Locale.ROOT, "%.0f", timing.path("seconds").asDouble() * 1000);
            String ratio = timing == null
                    ? "-"
                    : String.format(Locale.ROOT, "%.0fx", timing.path("seconds").asDouble() * 1000 / ours);
            String same = timing == null
                    ? "-"
                    : Boolean.toString(timing.path("count").asInt() == countListed(graph, selection));
            System.out.printf(
                    Locale.ROOT,
                    "%-58s %8d %10.2f %12s %10s %8s%n",
                    selector,
                    selection.size(),
                    ours,
                    dbtMs,
                    ratio,
                    same);
        }
        stateTimings(project, graph, manifest, parser, runs);
        Collections.sort(medians);
        System.out.printf(
                Locale.ROOT,
                "median over selectors %.2f ms, worst %.2f ms%n",
                medians.get(medians.size() / 2),
                medians.get(medians.size() - 1));
    }

    /**
     * {@code state:modified+} against a state manifest: the project's own manifest read a second time (every node is
     * compared, none differs). Cold = a new evaluator each time (the comparison pass included); warm = cached.
     */
    private static void stateTimings(
            Path project, LineageGraph graph, Manifest manifest, SelectorParser parser, int runs) throws Exception {
        Manifest prod = new ManifestReader().read(project.resolve("target/manifest.json"));
        var state = new dev.dbtrescue.graph.select.SelectionState(
                java.util.Optional.of(prod),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty());
        var selector = parser.parse("state:modified+");
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < Math.max(5, runs / 2) + 2; i++) {
            long t0 = System.nanoTime();
            SelectorEvaluator evaluator = new SelectorEvaluator(graph, manifest, state);
            evaluator.select(selector);
            long t1 = System.nanoTime();
            evaluator.select(selector);
            long t2 = System.nanoTime();
            if (i >= 2) {
                cold.add((t1 - t0) / 1e6);
                warm.add((t2 - t1) / 1e6);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "state:modified+ vs an identical state manifest: cold (new evaluator, full comparison) median %.1f ms,"
                        + " warm median %.2f ms%n",
                median(cold),
                median(warm));
    }

    /** The nodes dbt ls would print: the selection less the resource types ls does not list. */
    private static int countListed(LineageGraph graph, Selection selection) {
        return (int) selection.nodes().stream()
                .map(graph::requireNode)
                .filter(n -> switch (n.type()) {
                    case ANALYSIS, OPERATION, SQL_OPERATION, OTHER -> false;
                    default -> true;
                })
                .count();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
