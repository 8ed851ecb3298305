// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.SourcesReader;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.plan.RescuePresets.StaleCriteria;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each part of the stale preset on the demo's failed-build artifacts, edited where a part needs a situation the
 * recorded run does not have (a source loaded after the build, a parent rebuilt after its child).
 */
class StalePresetTest {

    private static final Path FAILED = Fixtures.demo("failed-build");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NodeId AD_SPEND = NodeId.of("source.rescue_shop.ads.ad_spend");

    @TempDir
    Path dir;

    /** The failed build's artifacts, with run_results.json and sources.json edited in place. */
    private LoadedProject project(Instant now, Consumer<ObjectNode> runResults, Consumer<ObjectNode> sources)
            throws Exception {
        Path results = edited("run_results.json", runResults);
        Path freshness = edited("sources.json", sources);
        return LoadedProject.of(
                new ArtifactLoader().load(FAILED.resolve("manifest.json"), List.of(results), List.of(freshness)), now);
    }

    private Path edited(String file, Consumer<ObjectNode> edit) throws Exception {
        return edited(file, file, edit);
    }

    private Path edited(String file, String copy, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(FAILED.resolve(file).toFile());
        edit.accept(tree);
        Path out = dir.resolve(copy);
        JSON.writeValue(out.toFile(), tree);
        return out;
    }

    private static ObjectNode entry(ObjectNode artifact, String uniqueId) {
        for (JsonNode result : artifact.path("results")) {
            if (result.path("unique_id").asText().equals(uniqueId)) {
                return (ObjectNode) result;
            }
        }
        throw new IllegalArgumentException(uniqueId);
    }

    private static PresetSelection stale(LoadedProject project, SelectionState state, StaleCriteria criteria)
            throws PlanningException {
        return new RescuePresets(project, ExactSelectors.of(project.graph()), state).stale(criteria);
    }

    private static final Consumer<ObjectNode> UNCHANGED = tree -> {};

    @Test
    void sourceLoadedAfterItsConsumersLastBuildMakesThatConsumerStale() throws Exception {
        StaleCriteria fresher = new StaleCriteria(true, false, Optional.empty(), false);
        LoadedProject asRecorded = project(Instant.parse("2026-11-21T20:00:00Z"), UNCHANGED, UNCHANGED);
        assertEquals(
                List.of("No node is stale by the parts switched on."),
                stale(asRecorded, SelectionState.NONE, fresher).warnings());

        LoadedProject loadedLater = project(
                Instant.parse("2026-11-21T20:00:00Z"),
                UNCHANGED,
                sources -> entry(sources, AD_SPEND.value()).put("max_loaded_at", "2026-11-21T19:00:00Z"));
        PresetSelection selection = stale(loadedLater, SelectionState.NONE, fresher);
        assertEquals("rescue_shop.staging.ads.stg_ads__spend+", selection.select());
        assertEquals(
                Map.of(
                        NodeId.of("model.rescue_shop.stg_ads__spend"),
                        List.of("source ad_spend has data loaded 41m 33s after its last build")),
                selection.reasons());
    }

    @Test
    void withAPreviousSourcesJsonFresherIsDbtsSourceStatusFresher() throws Exception {
        LoadedProject project = project(Instant.parse("2026-11-21T20:00:00Z"), UNCHANGED, UNCHANGED);
        Path previous = edited(
                "sources.json",
                "previous-sources.json",
                sources -> entry(sources, AD_SPEND.value()).put("max_loaded_at", "2026-11-20T00:00:00Z"));
        SelectionState state = new SelectionState(
                Optional.empty(),
                Optional.empty(),
                Optional.of(new SourcesReader().read(previous)),
                Optional.of(new SourcesReader().read(FAILED.resolve("sources.json"))));
        PresetSelection selection = stale(project, state, new StaleCriteria(true, false, Optional.empty(), false));
        assertEquals("source_status:fresher+", selection.select());
        assertEquals(Map.of(AD_SPEND, List.of("fresher than in the state's sources.json")), selection.reasons());
        assertTrue(selection.nodes().contains(NodeId.of("model.rescue_shop.mkt_channel_roas")));
        assertTrue(!selection.nodes().contains(NodeId.of("model.rescue_shop.stg_shop__orders")));
    }

    @Test
    void parentRebuiltAfterTheChildsLastSuccessMakesTheChildStale() throws Exception {
        StaleCriteria parents = new StaleCriteria(false, false, Optional.empty(), true);
        Instant now = Instant.parse("2026-11-21T20:00:00Z");
        assertEquals(
                List.of("No node is stale by the parts switched on."),
                stale(project(now, UNCHANGED, UNCHANGED), SelectionState.NONE, parents)
                        .warnings());

        LoadedProject rebuilt = project(
                now,
                results -> {
                    for (JsonNode phase : entry(results, "model.rescue_shop.mkt_campaign_performance")
                            .path("timing")) {
                        ((ObjectNode) phase).put("completed_at", "2026-11-21T19:30:00Z");
                    }
                },
                UNCHANGED);
        PresetSelection selection = stale(rebuilt, SelectionState.NONE, parents);
        assertEquals("rescue_shop.marts.marketing.mkt_channel_roas+", selection.select());
        assertEquals(
                Map.of(
                        NodeId.of("model.rescue_shop.mkt_channel_roas"),
                        List.of("parent mkt_campaign_performance was rebuilt after its last success")),
                selection.reasons());
    }

    @Test
    void lastSuccessOlderThanTheLimitTakesEveryBuiltNodeAndNothingBeforeIt() throws Exception {
        StaleCriteria day = new StaleCriteria(false, false, Optional.of(Duration.ofHours(24)), false);
        // the run finished 2026-11-21T18:18:43Z: 23 hours later nothing is a day old, 25 hours later all of it is
        PresetSelection early =
                stale(project(Instant.parse("2026-11-22T17:18:00Z"), UNCHANGED, UNCHANGED), SelectionState.NONE, day);
        assertEquals(List.of(), early.nodes());
        PresetSelection late =
                stale(project(Instant.parse("2026-11-22T19:20:00Z"), UNCHANGED, UNCHANGED), SelectionState.NONE, day);
        Set<NodeId> built = new TreeSet<>();
        for (JsonNode result :
                JSON.readTree(FAILED.resolve("run_results.json").toFile()).path("results")) {
            String id = result.path("unique_id").asText();
            boolean buildable = id.startsWith("model.") || id.startsWith("seed.") || id.startsWith("snapshot.");
            if (buildable && result.path("status").asText().equals("success")) {
                built.add(NodeId.of(id));
            }
        }
        assertEquals(52, built.size());
        assertEquals(built, new TreeSet<>(late.reasons().keySet()));
    }

    @Test
    void estimatesAreMediansOfRunsThatRanToTheEnd() throws Exception {
        var loader = new ArtifactLoader();
        List<Path> runs = List.of(
                Fixtures.demo("clean-build").resolve("run_results.json"),
                Fixtures.demo("rerun").resolve("run_results.json"),
                FAILED.resolve("run_results.json"));
        var history =
                loader.load(FAILED.resolve("manifest.json"), runs, List.of()).runResults();
        DurationEstimator estimator = DurationEstimator.fromHistory(history);
        var node = loader.load(FAILED.resolve("manifest.json"), List.of(), List.of())
                .manifest()
                .node(NodeId.of("model.rescue_shop.int_payments_converted"))
                .orElseThrow();
        // clean 0.2442 s and rerun 0.3566 s succeeded; the failed build's 0.4102 s error is not a full run
        Estimate estimate = estimator.estimate(node);
        assertEquals(Estimate.Source.HISTORY, estimate.source());
        assertEquals(2, estimate.samples());
        assertEquals(0.30041, estimate.seconds(), 1e-4);
        assertEquals(java.util.OptionalInt.of(4), estimator.threadsOfLastRun());
    }

    @Test
    void withoutHistoryEstimatesAreDefaultsByMaterialization() throws Exception {
        var manifest = new ArtifactLoader()
                .load(FAILED.resolve("manifest.json"), List.of(), List.of())
                .manifest();
        DurationEstimator none = DurationEstimator.defaults();
        Map<String, Duration> expected = Map.of(
                "model.rescue_shop.int_order_items_priced", Duration.ZERO, // ephemeral: compiled into its consumers
                "model.rescue_shop.fct_web_events", Duration.ofMinutes(2), // incremental
                "model.rescue_shop.stg_shop__orders", Duration.ofSeconds(5)); // view
        expected.forEach((id, duration) -> assertEquals(
                new Estimate(duration, Estimate.Source.DEFAULT, 0),
                none.estimate(manifest.node(NodeId.of(id)).orElseThrow()),
                id));
    }
}
