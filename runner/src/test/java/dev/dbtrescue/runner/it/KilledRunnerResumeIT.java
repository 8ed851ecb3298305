// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.RunResultsReader;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.SplitMode;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the runner mid-plan, then a resume: every planned node ends with exactly one success. */
class KilledRunnerResumeIT {

    @TempDir
    Path scratch;

    @Test
    void resumeAfterTheRunnerWasKilledRunsEveryRemainingNodeExactlyOnce() throws Exception {
        DemoRuns demo = DemoRuns.built(scratch.resolve("demo"));
        RerunPlan plan = demo.plan(
                List.of("path:models/intermediate", "path:models/marts/core"),
                PlanOptions.defaults()
                        .withVerb(DbtVerb.RUN)
                        .withSplit(SplitMode.WAVES)
                        .withMaxNodes(4));
        assertTrue(
                plan.batches().size() >= 4, "plan too small: " + plan.batches().size());
        Path planFile = scratch.resolve("plan.json");
        Files.writeString(planFile, PlanJson.write(plan));
        Path data = scratch.resolve("data");

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunPlanMain.class.getName(),
                        demo.project().toString(),
                        data.toString(),
                        planFile.toString(),
                        demo.dbt().toString())
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve("child.log").toFile())
                .start();
        Path journalFile = awaitSecondBatchNode(data, child, scratch.resolve("child.log"));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        Journal killed = Journal.read(journalFile);
        Journal.Attempt interrupted = killed.unfinished().get(0);
        Set<String> doneBefore = killed.nodeResults().stream()
                .filter(r -> RunStatus.fromDbt(r.status()).isSuccess())
                .map(Journal.NodeResult::uniqueId)
                .collect(Collectors.toSet());

        RerunPlan fromJournal = PlanJson.read("journal", killed.header().planJson());
        PlanRunner runner = new PlanRunner(new LocalExecutor(demo.project()), new RunStore(data), Clock.systemUTC());
        RunSummary summary = runner.resume(
                killed,
                demo.request(fromJournal, runner.lineageForResume(killed, demo.project(), event -> {})),
                new DemoRuns.Recorder(),
                new RunHandle());

        assertEquals(RunOutcome.SUCCEEDED, summary.outcome(), summary.text());
        assertFalse(ProcessHandle.of(interrupted.pid().orElseThrow())
                .map(ProcessHandle::isAlive)
                .orElse(false));

        Journal done = Journal.read(journalFile);
        Map<String, Long> successes = done.nodeResults().stream()
                .filter(r -> RunStatus.fromDbt(r.status()).isSuccess())
                .collect(Collectors.groupingBy(Journal.NodeResult::uniqueId, TreeMap::new, Collectors.counting()));
        Map<String, Long> once = new TreeMap<>();
        LineageGraph graph = demo.load().graph();
        plan.batches()
                .forEach(b -> b.ids().stream()
                        .filter(id -> !graph.requireNode(id).isEphemeral()) // dbt reports no result for these
                        .forEach(id -> once.put(id.value(), 1L)));
        assertEquals(once, successes);

        Journal.Attempt closed = done.attempts().stream()
                .filter(a -> a.batch() == interrupted.batch() && a.attempt() == interrupted.attempt())
                .findFirst()
                .orElseThrow();
        assertEquals(Optional.of(BatchOutcome.INTERRUPTED), closed.outcome());

        RunStore store = new RunStore(data);
        Set<String> rerun = new HashSet<>();
        Set<String> before = killed.attempts().stream()
                .map(a -> a.batch() + "/" + a.attempt())
                .collect(Collectors.toSet());
        for (Journal.Attempt a : done.attempts()) {
            if (before.contains(a.batch() + "/" + a.attempt())) {
                continue;
            }
            for (String id : a.nodes()) {
                assertFalse(doneBefore.contains(id), "ran again after it had succeeded: " + id);
            }
            RunResults results = new RunResultsReader()
                    .read(store.attemptDir(done.header().runId(), a.batch(), a.attempt())
                            .resolve("run_results.json"));
            assertEquals(
                    new TreeMap<>(a.nodes().stream().collect(Collectors.toMap(id -> id, id -> "success"))),
                    new TreeMap<>(results.results().stream()
                            .collect(Collectors.toMap(r -> r.id().value(), NodeResult::rawStatus))));
            rerun.addAll(a.nodes());
        }
        Set<String> remaining = new HashSet<>(once.keySet());
        remaining.removeAll(doneBefore);
        assertTrue(rerun.containsAll(remaining), "not all remaining nodes ran after the kill");
        assertFalse(remaining.isEmpty());
        assertTrue(plan.batches().stream()
                .flatMap(b -> b.ids().stream())
                .map(NodeId::value)
                .toList()
                .containsAll(rerun));
    }

    /** Waits until the child's journal shows a node result in batch 2 or later, and returns the journal. */
    private static Path awaitSecondBatchNode(Path data, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                StringBuilder journals = new StringBuilder();
                try (Stream<Path> files = Files.list(data.resolve("runs"))) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                        journals.append(Files.readString(f));
                    }
                }
                throw new AssertionError(
                        "the runner ended before it could be killed:\n" + Files.readString(log) + journals);
            }
            Path runs = data.resolve("runs");
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.list(runs)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                        List<String> lines = Files.readAllLines(f);
                        boolean secondBatchNode = lines.stream()
                                .anyMatch(l -> l.contains("\"node-finished\"") && !l.contains("\"batch\":1,"));
                        if (secondBatchNode) {
                            return f;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child runner did not reach batch 2 in 180 s");
    }
}
