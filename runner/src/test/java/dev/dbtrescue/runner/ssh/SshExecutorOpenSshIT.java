// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import dev.dbtrescue.runner.fixtures.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshExecutor} against the machine's OpenSSH server with ed25519 keys, running the real pinned dbt on the
 * demo project: output, exit codes, artifacts, and dbt's end when the run is cancelled or sshd dies.
 */
@Timeout(180)
class SshExecutorOpenSshIT {

    private static final Duration DBT = Duration.ofSeconds(90);
    private static final String USER = System.getProperty("user.name");
    private static final List<EnvVar> QUIET = List.of(
            new EnvVar("DBT_SEND_ANONYMOUS_USAGE_STATS", "false", false),
            new EnvVar("DBT_VERSION_CHECK", "false", false),
            new EnvVar("DBT_USE_COLORS", "false", false));

    private static Path dbt;

    @TempDir
    Path dir;

    private Path sshDir;
    private Path clientKey;
    private Path lockedKey;
    private OpenSshServer server;
    private final List<SshExecutor> executors = new ArrayList<>();

    @BeforeAll
    static void installDbt() throws Exception {
        dbt = RealDbt.install();
    }

    @BeforeEach
    void startServer() throws Exception {
        sshDir = Files.createDirectories(dir.resolve("client-ssh"));
        Path keys = Files.createDirectories(dir.resolve("keys"));
        clientKey = SshKeys.generate(keys.resolve("client_ed25519"), "ed25519", "");
        lockedKey = SshKeys.generate(keys.resolve("locked_ed25519"), "ed25519", "open sesame");
        server = OpenSshServer.start(dir, SshKeys.authorize(dir.resolve("authorized_keys"), clientKey, lockedKey));
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    }

    @AfterEach
    void stop() {
        executors.forEach(SshExecutor::close);
        server.close();
    }

    private SshExecutor executor(Path project, Path key, SshPrompts prompts) {
        var executor = new SshExecutor(
                SshTarget.parse(USER + "@127.0.0.1:" + server.port()),
                project.toString(),
                SshSettings.inDirectory(sshDir).withIdentityFiles(List.of(key)),
                prompts);
        executors.add(executor);
        return executor;
    }

    private static DbtInvocation realDbt(String... args) {
        return new DbtInvocation(Optional.of(dbt.toString()), List.of(args), QUIET);
    }

    @Test
    void realDbtSeedRunsWithItsJsonLogAndItsArtifactsComeBack() throws Exception {
        Path project = RealDbt.demoCopy(dir.resolve("remote")).project();
        var executor = executor(project, clientKey, SshPrompts.none());

        AwaitedRun run = AwaitedRun.of(executor.start(realDbt("--log-format", "json", "seed")));

        assertEquals(0, run.exitCode(DBT));
        List<String> json =
                run.lines().stream().filter(l -> l.startsWith("{\"data\"")).toList();
        assertTrue(json.size() > 10, "JSON log lines: " + run.lines());
        assertTrue(
                json.stream().anyMatch(l -> l.contains("\"name\": \"StatsLine\"") && l.contains("PASS=7")),
                "no summary line in " + run.lines());

        Path local = dir.resolve("local-artifacts");
        assertEquals(List.of("run_results.json", "manifest.json"), executor.fetchArtifacts(local));
        assertEquals(
                Files.readString(project.resolve("target/run_results.json")),
                Files.readString(local.resolve("run_results.json")));
        try (var files = Files.list(local)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void cancelMidBuildStopsTheRemoteDbtProcessGroup() throws Exception {
        Path project = RealDbt.demoCopy(dir.resolve("remote")).project();
        AwaitedRun run = AwaitedRun.of(
                executor(project, clientKey, SshPrompts.none()).start(realDbt("--log-format", "json", "build")));
        long pid = run.awaitPid(DBT);
        run.awaitLine(l -> l.contains("\"name\": \"LogStartLine\""), DBT);
        assertTrue(FakeDbt.processGroup(pid).contains(pid), "dbt leads a process group of its own");

        run.process().cancel(Duration.ofSeconds(5));

        int exit = run.exitCode(Duration.ofSeconds(30));
        // dbt catches the interrupt, cancels what runs and ends with its error code 2; 130 if the signal won
        assertTrue(List.of(2, 130).contains(exit), "exit " + exit);
        assertEquals(List.of(), FakeDbt.awaitGroupGone(pid, Duration.ofSeconds(10)));
    }

    @Test
    void killedSshServerEndsTheRunWithConnectionLostAndTheRemoteDbtStops() throws Exception {
        Path project = RealDbt.demoCopy(dir.resolve("remote")).project();
        AwaitedRun run = AwaitedRun.of(
                executor(project, clientKey, SshPrompts.none()).start(realDbt("--log-format", "json", "build")));
        long pid = run.awaitPid(DBT);
        run.awaitLine(l -> l.contains("\"name\": \"LogStartLine\""), DBT);

        long killed = System.nanoTime();
        server.kill();
        RunnerException e = run.failure(Duration.ofSeconds(30));

        assertEquals(Kind.CONNECTION_LOST, e.kind());
        Duration noticed = Duration.ofNanos(System.nanoTime() - killed);
        assertTrue(noticed.compareTo(Duration.ofSeconds(5)) < 0, "a reset connection is noticed at once: " + noticed);
        assertEquals(List.of(), FakeDbt.awaitGroupGone(pid, Duration.ofSeconds(15)));
    }

    @Test
    void passphraseProtectedEd25519KeyLogsIn() throws Exception {
        List<String> asked = new ArrayList<>();
        var executor = executor(dir, lockedKey, SshPrompts.none().withPassphrase(file -> {
            asked.add(file);
            return Optional.of("open sesame".toCharArray());
        }));

        AwaitedRun run = AwaitedRun.of(executor.start(
                new DbtInvocation(Optional.of(FakeDbt.echoing(dir).toString()), List.of("debug"), List.of())));

        assertEquals(3, run.exitCode(DBT));
        assertEquals(List.of(lockedKey.toString()), asked);
    }

    @Test
    void sshConfigAliasGivesHostPortUserAndKey() throws Exception {
        Files.writeString(sshDir.resolve("config"), """
                Host shop
                    HostName 127.0.0.1
                    Port %d
                    User %s
                    IdentityFile %s
                """.formatted(server.port(), USER, clientKey));
        var executor = new SshExecutor(
                SshTarget.parse("shop"), dir.toString(), SshSettings.inDirectory(sshDir), SshPrompts.none());
        executors.add(executor);

        AwaitedRun run = AwaitedRun.of(executor.start(
                new DbtInvocation(Optional.of(FakeDbt.echoing(dir).toString()), List.of("ls"), List.of())));

        assertEquals(3, run.exitCode(DBT));
        assertEquals("ssh " + USER + "@shop:" + server.port() + " " + dir, executor.description());
        assertEquals("ssh:" + USER + "@127.0.0.1:" + server.port() + ":" + dir, executor.locationKey());
    }

    @Test
    void dbtOfTheProjectsVirtualEnvironmentIsFoundWithoutBeingNamed() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path venvBin = Files.createDirectories(project.resolve(".venv/bin"));
        Files.createSymbolicLink(venvBin.resolve("dbt"), FakeDbt.echoing(dir));
        var executor = executor(project, clientKey, SshPrompts.none());

        AwaitedRun run =
                AwaitedRun.of(executor.start(new DbtInvocation(Optional.empty(), List.of("parse"), List.of())));

        assertEquals(3, run.exitCode(DBT));
        assertEquals(List.of("pwd=" + project, "arg=parse", "env="), run.lines());
    }
}
