// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.fixtures.MinaSshServer;
import dev.dbtrescue.runner.fixtures.SshKeys;
import dev.dbtrescue.runner.it.DemoRuns;
import dev.dbtrescue.runner.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark: the delay from dbt stamping a node-finished log event ({@code info.ts}) to our listener receiving it,
 * through the whole runner (wrapper, pipe or SSH channel, parser, fsync'd journal), locally and over SSH on loopback
 * (Apache MINA SSHD in this JVM). Runs {@code dbt build} of the demo project (about 220 nodes) ROUNDS times each way.
 * Usage: {@code scripts/bench-run-latency [ROUNDS]}.
 */
public final class RunLatencyBench {

    private RunLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path scratch = Files.createTempDirectory("dbt-rescue-latency");
        DemoRuns demo = DemoRuns.built(scratch.resolve("demo"));
        RerunPlan plan = demo.plan(List.of("*"), PlanOptions.defaults().withVerb(DbtVerb.BUILD));
        System.out.printf(
                Locale.ROOT,
                "plan: %d batch(es), %d nodes; %d rounds each%n",
                plan.batches().size(),
                plan.nodeCount(),
                rounds);

        List<Double> local = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            try (LocalExecutor executor = new LocalExecutor(demo.project())) {
                local.addAll(measure(executor, demo, plan, scratch.resolve("data-local-" + r)));
            }
        }
        report("local", local);

        Path sshDir = Files.createDirectories(scratch.resolve("client-ssh"));
        Path clientKey = SshKeys.generate(sshDir.resolve("id_ecdsa"), "ecdsa", "");
        Path hostKey = SshKeys.generate(scratch.resolve("host_key"), "ecdsa", "");
        List<Double> ssh = new ArrayList<>();
        try (MinaSshServer server = MinaSshServer.start(
                hostKey, SshKeys.authorize(scratch.resolve("authorized_keys"), clientKey), Optional.empty())) {
            Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            for (int r = 0; r < rounds; r++) {
                try (SshExecutor executor = new SshExecutor(
                        SshTarget.parse(System.getProperty("user.name") + "@127.0.0.1:" + server.port()),
                        demo.project().toString(),
                        SshSettings.inDirectory(sshDir),
                        SshPrompts.none())) {
                    ssh.addAll(measure(executor, demo, plan, scratch.resolve("data-ssh-" + r)));
                }
            }
        }
        report("ssh (MINA, loopback)", ssh);
    }

    private static List<Double> measure(DbtExecutor executor, DemoRuns demo, RerunPlan plan, Path data)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        RunSummary summary = new PlanRunner(executor, new RunStore(data), Clock.systemUTC())
                .run(
                        demo.request(plan),
                        event -> {
                            Instant received = Instant.now();
                            // Only events parsed from dbt's log carry dbt's own stamp ("N of M ..." lines).
                            if (event instanceof RunEvent.NodeFinished f
                                    && f.text().contains(" of ")) {
                                millis.add(Duration.between(f.at(), received).toNanos() / 1e6);
                            }
                        },
                        new RunHandle());
        if (summary.exitCode() != 0) {
            throw new IllegalStateException("the demo build did not succeed: " + summary.text());
        }
        return millis;
    }

    private static void report(String where, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "%-22s events %4d   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n",
                where,
                sorted.size(),
                pct(sorted, 0.50),
                pct(sorted, 0.95),
                pct(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
