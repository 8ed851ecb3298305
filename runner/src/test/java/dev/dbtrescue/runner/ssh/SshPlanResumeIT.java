// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.SplitMode;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunRequest;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.fixtures.SshKeys;
import dev.dbtrescue.runner.it.DemoRuns;
import dev.dbtrescue.runner.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan run with real dbt through OpenSSH's sshd on loopback, artifacts fetched over SFTP after each batch; sshd is
 * killed during batch 2, the run ends with the connection lost, and a resume through the restarted server completes
 * every planned node exactly once.
 */
class SshPlanResumeIT {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    @Test
    void aRunWhoseConnectionDroppedMidBatchResumesAndRunsEveryNodeExactlyOnce() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path clientKey = SshKeys.generate(keys.resolve("client_ed25519"), "ed25519", "");
        Path authorized = SshKeys.authorize(dir.resolve("authorized_keys"), clientKey);
        Path serverDir = Files.createDirectories(dir.resolve("sshd"));
        OpenSshServer server = OpenSshServer.start(serverDir, authorized);
        Path sshDir = Files.createDirectories(dir.resolve("client-ssh"));
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        SshSettings settings = SshSettings.inDirectory(sshDir).withIdentityFiles(List.of(clientKey));

        DemoRuns demo = DemoRuns.built(dir.resolve("remote"));
        RerunPlan plan = demo.plan(
                List.of("path:models/intermediate", "path:models/marts/core"),
                PlanOptions.defaults()
                        .withVerb(DbtVerb.RUN)
                        .withSplit(SplitMode.WAVES)
                        .withMaxNodes(4));
        Path localTarget = dir.resolve("local/target");
        String destination = USER + "@127.0.0.1:" + server.port();
        RunRequest request =
                demo.request(plan).withRemote(destination, demo.project().toString(), localTarget);
        RunStore store = new RunStore(dir.resolve("data"));

        AtomicInteger batch = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        RunSummary dropped;
        try (SshExecutor executor =
                new SshExecutor(SshTarget.parse(destination), demo.project().toString(), settings, SshPrompts.none())) {
            dropped = new PlanRunner(executor, store, Clock.systemUTC())
                    .run(
                            request,
                            event -> {
                                if (event instanceof RunEvent.BatchStarted b) {
                                    batch.set(b.batch());
                                } else if (event instanceof RunEvent.NodeFinished
                                        && batch.get() >= 2
                                        && killedAt.get() == 0) {
                                    killedAt.set(System.nanoTime());
                                    server.kill();
                                }
                            },
                            new RunHandle());
        } finally {
            server.close();
        }
        Duration noticed = Duration.ofNanos(System.nanoTime() - killedAt.get());
        assertEquals(RunOutcome.CONNECTION_LOST, dropped.outcome(), dropped.text());
        assertTrue(noticed.compareTo(Duration.ofSeconds(30)) < 0, "noticed after " + noticed);
        Journal journal = Journal.read(dropped.journal());
        assertEquals(
                Optional.of(BatchOutcome.CONNECTION_LOST),
                journal.attempts().getLast().outcome());
        assertTrue(Files.isRegularFile(localTarget.resolve("run_results.json")), "artifacts of batch 1 came back");
        assertTrue(Files.isRegularFile(
                store.attemptDir(journal.header().runId(), 1, 1).resolve("run_results.json")));

        OpenSshServer again = OpenSshServer.start(serverDir, authorized, server.port());
        RunSummary resumed;
        try (again;
                SshExecutor executor = new SshExecutor(
                        SshTarget.parse(destination), demo.project().toString(), settings, SshPrompts.none())) {
            PlanRunner runner = new PlanRunner(executor, store, Clock.systemUTC());
            LineageGraph graph = runner.lineageForResume(journal, demo.project(), event -> {});
            resumed = runner.resume(
                    journal,
                    demo.request(plan, graph)
                            .withRemote(destination, demo.project().toString(), localTarget),
                    event -> {},
                    new RunHandle());
        }

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.text());
        LineageGraph graph = demo.load().graph();
        Map<String, Long> once = new TreeMap<>();
        plan.batches()
                .forEach(b -> b.ids().stream()
                        .filter(id -> !graph.requireNode(id).isEphemeral())
                        .forEach(id -> once.put(id.value(), 1L)));
        Map<String, Long> successes = Journal.read(dropped.journal()).nodeResults().stream()
                .filter(r -> RunStatus.fromDbt(r.status()).isSuccess())
                .collect(Collectors.groupingBy(Journal.NodeResult::uniqueId, TreeMap::new, Collectors.counting()));
        assertEquals(once, successes);
    }
}
