// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.Batch;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.SplitMode;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans run with the real, pinned dbt-duckdb on the demo project, locally. */
class LocalPlanRunIT {

    private static final List<String> FOUR =
            List.of("int_payments_converted", "fct_payments", "dim_stores", "ops_store_daily_volume");

    @TempDir
    static Path scratch;

    static DemoRuns demo;

    @TempDir
    Path data;

    @BeforeAll
    static void buildDemo() throws Exception {
        demo = DemoRuns.built(scratch);
    }

    private PlanRunner runner() {
        return new PlanRunner(new LocalExecutor(demo.project()), new RunStore(data), Clock.systemUTC());
    }

    /** One node per batch, dbt run, with the failure switch on: int_payments_converted errors. */
    private RerunPlan brokenPlan() throws Exception {
        return demo.plan(
                FOUR,
                PlanOptions.defaults()
                        .withVerb(DbtVerb.RUN)
                        .withSplit(SplitMode.WAVES)
                        .withMaxNodes(1)
                        .withVars("{demo_break_model: true}"));
    }

    private static Map<String, String> expectedUnderStop(RerunPlan plan) {
        Map<String, String> expected = new LinkedHashMap<>();
        boolean failed = false;
        for (Batch b : plan.batches()) {
            for (NodeId id : b.ids()) {
                if (failed) {
                    continue;
                }
                expected.put(id.value(), id.value().endsWith("int_payments_converted") ? "error" : "success");
            }
            failed |= b.ids().contains(new NodeId("model.rescue_shop.int_payments_converted"));
        }
        return expected;
    }

    @Test
    void failingBatchStopsTheRunAndLaterBatchesAreSkipped() throws Exception {
        RerunPlan plan = brokenPlan();
        DemoRuns.Recorder events = new DemoRuns.Recorder();
        RunSummary summary = runner().run(demo.request(plan), events, new RunHandle());

        assertEquals(RunOutcome.FAILED, summary.outcome());
        assertEquals(1, summary.exitCode());
        assertEquals(expectedUnderStop(plan), summary.nodeStatuses());
        Journal journal = Journal.read(summary.journal());
        List<String> skipped =
                journal.skipped().stream().flatMap(s -> s.nodes().stream()).toList();
        assertEquals(summary.notRun(), skipped);
        assertTrue(skipped.contains("model.rescue_shop.fct_payments"));
        assertTrue(journal.attempts().stream().anyMatch(a -> a.outcome().orElseThrow() == BatchOutcome.FAILED));
    }

    @Test
    void continuePolicyRunsTheBatchesThatDoNotDependOnTheFailure() throws Exception {
        RerunPlan plan = brokenPlan();
        DemoRuns.Recorder events = new DemoRuns.Recorder();
        RunSummary summary =
                runner().run(demo.request(plan).withPolicy(FailurePolicy.CONTINUE), events, new RunHandle());

        assertEquals(RunOutcome.FAILED, summary.outcome());
        assertEquals(
                Map.of(
                        "model.rescue_shop.int_payments_converted", "error",
                        "model.rescue_shop.dim_stores", "success",
                        "model.rescue_shop.ops_store_daily_volume", "success"),
                summary.nodeStatuses());
        assertEquals(List.of("model.rescue_shop.fct_payments"), summary.notRun());
        RunEvent.BatchSkipped skip = events.of(RunEvent.BatchSkipped.class).get(0);
        assertEquals(List.of("model.rescue_shop.fct_payments"), skip.nodes());
    }

    @Test
    void eventsArriveInDbtsOrderWithinEachBatch() throws Exception {
        RerunPlan plan = demo.plan(
                List.of("stg_ref__stores+", "--", "dim_stores"),
                PlanOptions.defaults().withVerb(DbtVerb.BUILD));
        DemoRuns.Recorder events = new DemoRuns.Recorder();
        RunSummary summary = runner().run(demo.request(plan), events, new RunHandle());
        assertEquals(RunOutcome.SUCCEEDED, summary.outcome(), summary.text());

        List<String> order = new ArrayList<>();
        int batchStarts = 0;
        int invocation = -1;
        int completed = -1;
        for (int i = 0; i < events.events.size(); i++) {
            switch (events.events.get(i)) {
                case RunEvent.BatchStarted b -> batchStarts++;
                case RunEvent.InvocationStarted s -> invocation = i;
                case RunEvent.NodeStarted s -> order.add("start " + s.uniqueId());
                case RunEvent.NodeFinished f -> {
                    if (!f.status().equals("no-op") && !f.status().equals("skipped")) {
                        order.add("end " + f.uniqueId());
                    }
                }
                case RunEvent.InvocationCompleted c -> completed = i;
                default -> {}
            }
        }
        assertEquals(plan.batches().size(), batchStarts);
        assertTrue(invocation >= 0 && completed > invocation);
        for (String entry : order) {
            if (entry.startsWith("end ")) {
                String id = entry.substring(4);
                int start = order.indexOf("start " + id);
                assertTrue(start >= 0 && start < order.indexOf(entry), "started before it ended: " + id);
            }
        }
        assertTrue(events.events.getLast() instanceof RunEvent.RunFinished);
    }

    @Test
    void cancelStopsDbtMidBatchAndTheJournalSaysCancelled() throws Exception {
        RerunPlan plan =
                demo.plan(List.of("path:models/marts"), PlanOptions.defaults().withVerb(DbtVerb.BUILD));
        RunHandle handle = new RunHandle(Duration.ofSeconds(5));
        DemoRuns.Recorder events = new DemoRuns.Recorder() {
            @Override
            public void onEvent(RunEvent event) {
                super.onEvent(event);
                if (event instanceof RunEvent.NodeFinished && !handle.isCancelled()) {
                    Thread.ofVirtual().start(handle::cancel);
                }
            }
        };
        long start = System.nanoTime();
        RunSummary summary = runner().run(demo.request(plan), events, handle);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(RunOutcome.CANCELLED, summary.outcome());
        assertEquals(2, summary.exitCode());
        assertFalse(summary.remaining().isEmpty());
        Journal journal = Journal.read(summary.journal());
        Journal.Attempt attempt = journal.attempts().get(0);
        assertEquals(BatchOutcome.CANCELLED, attempt.outcome().orElseThrow());
        long pid = attempt.pid().orElseThrow();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "dbt still runs: " + pid);
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    @Test
    void retryRerunsOnlyTheFailedNodesOfTheBatchOnce() throws Exception {
        RerunPlan plan = demo.plan(
                List.of("int_payments_converted", "dim_stores"),
                PlanOptions.defaults().withVerb(DbtVerb.RUN).withVars("{demo_break_model: true}"));
        assertEquals(1, plan.batches().size());
        RunSummary summary = runner().run(demo.request(plan).withRetry(true), new DemoRuns.Recorder(), new RunHandle());

        assertEquals(RunOutcome.FAILED, summary.outcome());
        List<Journal.Attempt> attempts = Journal.read(summary.journal()).attempts();
        assertEquals(2, attempts.size());
        assertEquals(
                List.of("model.rescue_shop.dim_stores", "model.rescue_shop.int_payments_converted"),
                attempts.get(0).nodes().stream().sorted().toList());
        assertEquals(
                List.of("model.rescue_shop.int_payments_converted"),
                attempts.get(1).nodes());
        assertEquals(2, attempts.get(1).attempt());
        assertEquals(Optional.of(BatchOutcome.FAILED), attempts.get(1).outcome());
    }

    @Test
    void dbtThatCannotCompleteEndsTheRunWithExitCodeTwo() throws Exception {
        RerunPlan plan = demo.plan(
                FOUR,
                PlanOptions.defaults()
                        .withVerb(DbtVerb.RUN)
                        .withSplit(SplitMode.WAVES)
                        .withMaxNodes(1)
                        .withVars("{demo_break_model: [unclosed"));
        RunSummary summary = runner().run(demo.request(plan), new DemoRuns.Recorder(), new RunHandle());

        assertEquals(RunOutcome.ERROR, summary.outcome());
        assertEquals(2, summary.exitCode());
        assertEquals(4, summary.notRun().size());
        Journal journal = Journal.read(summary.journal());
        assertEquals(1, journal.attempts().size());
        assertEquals(Optional.of(BatchOutcome.ERROR), journal.attempts().get(0).outcome());
        assertEquals(2, journal.attempts().get(0).exitCode());
    }

    @Test
    void secretValuesNeverReachEventsOrTheJournalEvenWhenDbtEscapesThem() throws Exception {
        String secret = "s3cr\"t-\u00e4-probe";
        demo.addModel(
                "probe/secret_probe.sql",
                "{{ config(materialized='table') }}\n"
                        + "{{ log('probe says ' ~ env_var('PROBE_SECRET', 'none'), info=true) }}\n"
                        + "select cast('{{ env_var('PROBE_SECRET', 'none') }}' as integer) as x\n");
        RerunPlan plan =
                demo.plan(List.of("secret_probe"), PlanOptions.defaults().withVerb(DbtVerb.RUN));
        List<EnvVar> env = new ArrayList<>(DemoRuns.ENV);
        env.add(new EnvVar("PROBE_SECRET", secret, true));
        DemoRuns.Recorder events = new DemoRuns.Recorder();
        RunSummary summary = runner().run(demo.request(plan).withEnv(env), events, new RunHandle());

        assertEquals(Map.of("model.rescue_shop.secret_probe", "error"), summary.nodeStatuses());
        for (RunEvent e : events.events) {
            assertFalse(e.text().contains("s3cr"), "secret in " + e);
        }
        assertTrue(events.events.stream().anyMatch(e -> e.text().contains("probe says ****")), "no masked log line");
        assertTrue(
                events.events.stream()
                        .anyMatch(e -> e.text().contains("****") && e.text().contains("INT")),
                "no masked error");
        String journal = Files.readString(summary.journal());
        assertFalse(journal.contains("s3cr"), journal);
    }
}
