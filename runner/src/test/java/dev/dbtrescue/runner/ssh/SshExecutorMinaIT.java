// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import dev.dbtrescue.runner.fixtures.MinaSshServer;
import dev.dbtrescue.runner.fixtures.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshExecutor} against an Apache MINA SSH server in this JVM that runs real processes: logins, prompts, host
 * keys, quoting and the remote process's end, with tiny stand-in dbt scripts. MINA has no ed25519 without an
 * extra security provider, so these tests use ECDSA and RSA keys; {@link SshExecutorOpenSshIT} covers ed25519.
 */
@Timeout(60)
class SshExecutorMinaIT {

    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    private Path sshDir;
    private Path clientKey;
    private Path hostKey;
    private MinaSshServer server;
    private final List<SshExecutor> executors = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        sshDir = Files.createDirectories(dir.resolve("client-ssh"));
        clientKey = SshKeys.generate(sshDir.resolve("id_ecdsa"), "ecdsa", "");
        hostKey = SshKeys.generate(dir.resolve("host_key"), "ecdsa", "");
        server = MinaSshServer.start(
                hostKey, SshKeys.authorize(dir.resolve("authorized_keys"), clientKey), Optional.empty());
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        executors.forEach(SshExecutor::close);
        server.close();
    }

    private SshSettings settings() {
        return SshSettings.inDirectory(sshDir);
    }

    private SshExecutor executor(String remoteDir, SshSettings settings, SshPrompts prompts) {
        var executor =
                new SshExecutor(SshTarget.parse(USER + "@127.0.0.1:" + server.port()), remoteDir, settings, prompts);
        executors.add(executor);
        return executor;
    }

    private SshExecutor executor() {
        return executor(dir.toString(), settings(), SshPrompts.none());
    }

    private static DbtInvocation fake(Path script, String... args) {
        return new DbtInvocation(Optional.of(script.toString()), List.of(args), List.of());
    }

    @Test
    void ecdsaKeyLogsInAndDbtsOutputAndExitCodeComeBack() throws Exception {
        AwaitedRun run = AwaitedRun.of(executor().start(fake(FakeDbt.echoing(dir), "--log-format", "json", "seed")));

        assertEquals(3, run.exitCode(SHORT));
        assertEquals(List.of("pwd=" + dir, "arg=--log-format", "arg=json", "arg=seed", "env="), run.lines());
        assertTrue(run.process().pid().isPresent());
    }

    @Test
    void shellSyntaxInTheFolderArgumentsAndEnvironmentReachesDbtAsLiteralWords() throws Exception {
        Path pwned = dir.resolve("pwned");
        String nasty = "; rm -rf " + dir.resolve("victim") + "; $(touch " + pwned + "-1) `touch " + pwned
                + "-2` 'single' \"double\" \\ $HOME * ~";
        Path project = Files.createDirectories(dir.resolve("shop" + nasty.replace('/', '_')));
        Files.createDirectories(dir.resolve("victim"));
        List<String> args = List.of(
                "build",
                "--select",
                "orders" + nasty,
                "--vars",
                "{\"as_of\": \"$(touch " + pwned + "-3)\", 'x': `touch " + pwned + "-4`}",
                "--exclude",
                "'; touch " + pwned + "-5; '",
                "");
        var invocation = new DbtInvocation(
                Optional.of(FakeDbt.echoing(dir).toString()),
                args,
                List.of(new EnvVar("PROBE", "$(touch " + pwned + "-6)" + nasty, true)));

        AwaitedRun run = AwaitedRun.of(
                executor(project.toString(), settings(), SshPrompts.none()).start(invocation));

        assertEquals(3, run.exitCode(SHORT));
        List<String> expected = new ArrayList<>();
        expected.add("pwd=" + project);
        args.forEach(a -> expected.add("arg=" + a));
        expected.add("env=$(touch " + pwned + "-6)" + nasty);
        assertEquals(expected, run.lines());
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith("pwned"))
                            .toList());
        }
        assertTrue(Files.isDirectory(dir.resolve("victim")));
    }

    @Test
    void missingRemoteProjectFolderIsAProjectError() throws Exception {
        var executor = executor(dir.resolve("no-such-project").toString(), settings(), SshPrompts.none());
        AwaitedRun run = AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir), "build")));

        RunnerException e = run.failure(SHORT);
        assertEquals(Kind.PROJECT, e.kind());
        assertEquals(
                "The dbt project folder " + dir.resolve("no-such-project") + " does not exist on 127.0.0.1:"
                        + server.port() + ": check the project path",
                e.getMessage());
    }

    @Test
    void missingDbtIsReportedAsDbtMissing() throws Exception {
        AwaitedRun run = AwaitedRun.of(executor().start(fake(dir.resolve("no/such/dbt"), "build")));

        RunnerException e = run.failure(SHORT);
        assertEquals(Kind.DBT_MISSING, e.kind());
        assertTrue(e.getMessage().contains("looked for '" + dir.resolve("no/such/dbt") + "'"), e.getMessage());
    }

    @Test
    void passphraseProtectedKeyLogsInWithThePassphraseTheCallbackGives() throws Exception {
        Path key = useOnlyKey("ecdsa", "correct horse");
        List<String> asked = new ArrayList<>();
        List<char[]> given = new ArrayList<>();
        SshPrompts prompts = SshPrompts.none().withPassphrase(file -> {
            asked.add(file);
            char[] passphrase = "correct horse".toCharArray();
            given.add(passphrase);
            return Optional.of(passphrase);
        });
        var executor = executor(dir.toString(), settings().withIdentityFiles(List.of(key)), prompts);

        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(List.of(key.toString()), asked);
        assertEquals("\0".repeat(13), new String(given.getFirst()));
    }

    @Test
    void closeReturnsAtOnceWhileAnotherThreadWaitsOnAPassphrasePrompt() throws Exception {
        Path key = useOnlyKey("ecdsa", "correct horse");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        SshPrompts prompts = SshPrompts.none().withPassphrase(file -> {
            asked.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("correct horse".toCharArray());
        });
        var executor = executor(dir.toString(), settings().withIdentityFiles(List.of(key)), prompts);
        DbtInvocation invocation = fake(FakeDbt.echoing(dir));
        CompletableFuture<Object> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.start(invocation);
            } catch (RunnerException e) {
                return e;
            }
        });
        assertTrue(asked.await(15, TimeUnit.SECONDS));

        assertTimeoutPreemptively(Duration.ofSeconds(2), executor::close);
        answer.countDown();
        RunnerException e = assertInstanceOf(RunnerException.class, starting.get(15, TimeUnit.SECONDS));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        assertEquals(1, server.sessionsOpened());
    }

    @Test
    void wrongPassphraseIsAnAuthenticationErrorNamingTheKeyButNotThePassphrase() throws Exception {
        Path key = useOnlyKey("ecdsa", "correct horse");
        List<String> asked = new ArrayList<>();
        SshPrompts prompts = SshPrompts.none().withPassphrase(file -> {
            asked.add(file);
            return Optional.of("battery staple".toCharArray());
        });
        var executor = executor(dir.toString(), settings().withIdentityFiles(List.of(key)), prompts);

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals(
                USER + "@127.0.0.1:" + server.port() + " refused the login (tried: " + key
                        + " (accepted key, but the passphrase was wrong)): add your public key to"
                        + " ~/.ssh/authorized_keys of " + USER + " on the host, or name the right key (IdentityFile)",
                e.getMessage());
        assertEquals(List.of(key.toString(), key.toString(), key.toString()), asked);
    }

    @Test
    void encryptedKeyWithoutAPassphraseIsAnAuthenticationError() throws Exception {
        Path key = useOnlyKey("rsa", "s3cret");
        var executor = executor(dir.toString(), settings().withIdentityFiles(List.of(key)), SshPrompts.none());

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains(key + " (accepted key, but no passphrase was given)"), e.getMessage());
    }

    /** Makes a new key the only one the server accepts, and the client's only key file; returns it. */
    private Path useOnlyKey(String type, String passphrase) throws Exception {
        Path key = SshKeys.generate(dir.resolve("locked_" + type), type, passphrase);
        Files.delete(clientKey);
        server.close();
        server = MinaSshServer.start(hostKey, SshKeys.authorize(dir.resolve("authorized_keys"), key), Optional.empty());
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        return key;
    }

    @Test
    void unknownHostRefusedByTheCallbackIsAHostKeyErrorWithItsFingerprint() throws Exception {
        Files.delete(sshDir.resolve("known_hosts"));
        List<String> asked = new ArrayList<>();
        var executor = executor(dir.toString(), settings(), SshPrompts.none().withHostKey((host, port, type, fp) -> {
            asked.add(host + " " + port + " " + type + " " + fp);
            return false;
        }));

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        String fingerprint = SshKeys.fingerprint(hostKey);
        assertEquals(List.of("127.0.0.1 " + server.port() + " ecdsa-sha2-nistp256 " + fingerprint), asked);
        assertEquals(Kind.HOST_KEY, e.kind());
        assertEquals(
                "The host 127.0.0.1:" + server.port() + " is not in " + sshDir.resolve("known_hosts")
                        + " and its key was not trusted (ecdsa-sha2-nistp256 key " + fingerprint + "). Compare the"
                        + " fingerprint with the one the host's administrator reads with ssh-keygen -lf on the host's"
                        + " public key, then trust it, or add the host to " + sshDir.resolve("known_hosts"),
                e.getMessage());
        assertFalse(Files.exists(sshDir.resolve("known_hosts")));
    }

    @Test
    void unknownHostTrustedByTheCallbackIsAddedToKnownHostsAndNotAskedAgain() throws Exception {
        Files.delete(sshDir.resolve("known_hosts"));
        List<String> asked = new ArrayList<>();
        var trusting = executor(dir.toString(), settings(), SshPrompts.none().withHostKey((host, port, type, fp) -> {
            asked.add(fp);
            return true;
        }));
        assertEquals(
                3, AwaitedRun.of(trusting.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(
                3, AwaitedRun.of(trusting.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));

        assertEquals(List.of(SshKeys.fingerprint(hostKey)), asked);
        assertEquals(server.knownHostsLine() + "\n", Files.readString(sshDir.resolve("known_hosts")));
        var refusing = executor(dir.toString(), settings(), SshPrompts.none());
        assertEquals(
                3, AwaitedRun.of(refusing.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
    }

    @Test
    void changedHostKeyIsRefusedWithoutAskingAndSaysHowToRemoveTheOldKey() throws Exception {
        Path otherKey = SshKeys.generate(dir.resolve("old_host_key"), "ecdsa", "");
        String oldLine = "[127.0.0.1]:" + server.port() + " " + SshKeys.publicKey(otherKey) + "\n";
        Files.writeString(sshDir.resolve("known_hosts"), oldLine);
        var executor = executor(dir.toString(), settings(), SshPrompts.none().withHostKey((host, port, type, fp) -> {
            throw new AssertionError("a changed key must never be offered to the prompt");
        }));

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.HOST_KEY, e.kind());
        assertEquals(
                "The host key of 127.0.0.1:" + server.port() + " has changed (it now offers ecdsa-sha2-nistp256 key "
                        + SshKeys.fingerprint(hostKey) + ") and differs from the one in "
                        + sshDir.resolve("known_hosts") + ": this is a possible man-in-the-middle attack, so the"
                        + " connection was refused. If the change is expected (the host was reinstalled or its keys"
                        + " replaced), remove the old key with ssh-keygen -R '[127.0.0.1]:" + server.port() + "' -f "
                        + sshDir.resolve("known_hosts") + " and connect again",
                e.getMessage());
        assertEquals(oldLine, Files.readString(sshDir.resolve("known_hosts")));
    }

    @Test
    void revokedHostKeyIsRefused() throws Exception {
        Files.writeString(sshDir.resolve("known_hosts"), "@revoked " + server.knownHostsLine() + "\n");
        var executor = executor();

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.HOST_KEY, e.kind());
        assertEquals(
                "The host key of 127.0.0.1:" + server.port() + " is marked @revoked in " + sshDir.resolve("known_hosts")
                        + ": refusing to connect. Ask the host's administrator for its current key",
                e.getMessage());
    }

    @Test
    void hashedKnownHostsEntriesAreRecognised() throws Exception {
        SshKeys.hash(sshDir.resolve("known_hosts"));
        assertTrue(Files.readString(sshDir.resolve("known_hosts")).startsWith("|1|"));

        assertEquals(
                3, AwaitedRun.of(executor().start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
    }

    @Test
    void cancelStopsDbtsWholeProcessGroupOnTheHost() throws Exception {
        var executor = executor();
        AwaitedRun run = AwaitedRun.of(executor.start(fake(FakeDbt.sleeping(dir))));
        long pid = run.awaitPid(SHORT);
        long child =
                Long.parseLong(run.awaitLine(l -> l.startsWith("child="), SHORT).substring(6));
        assertTrue(executor.isAlive(pid));

        run.process().cancel(Duration.ofSeconds(5));

        assertEquals(130, run.exitCode(SHORT));
        assertTrue(FakeDbt.awaitGone(pid, SHORT), "dbt still runs");
        assertTrue(FakeDbt.awaitGone(child, SHORT), "dbt's child still runs");
        assertFalse(executor.isAlive(pid));
    }

    @Test
    void serverThatVanishesMidRunEndsTheRunWithConnectionLostAndDbtStops() throws Exception {
        AwaitedRun run = AwaitedRun.of(executor().start(fake(FakeDbt.sleeping(dir))));
        long pid = run.awaitPid(SHORT);
        long child =
                Long.parseLong(run.awaitLine(l -> l.startsWith("child="), SHORT).substring(6));

        long stopped = System.nanoTime();
        server.close();
        RunnerException e = run.failure(Duration.ofSeconds(30));

        Duration noticed = Duration.ofNanos(System.nanoTime() - stopped);
        assertTrue(noticed.compareTo(Duration.ofSeconds(5)) < 0, "a closed connection is noticed at once: " + noticed);
        assertEquals(Kind.CONNECTION_LOST, e.kind());
        assertEquals(
                "The SSH connection to " + USER + "@127.0.0.1:" + server.port() + " dropped while dbt was running (no"
                        + " exit status arrived; dbt on the host stops when its connection closes): resume the run"
                        + " from its journal",
                e.getMessage());
        assertTrue(FakeDbt.awaitGone(pid, SHORT), "dbt still runs");
        assertTrue(FakeDbt.awaitGone(child, SHORT), "dbt's child still runs");
    }

    @Test
    void closingTheExecutorStopsDbtOnTheHost() throws Exception {
        var executor = executor();
        AwaitedRun run = AwaitedRun.of(executor.start(fake(FakeDbt.sleeping(dir))));
        long pid = run.awaitPid(SHORT);

        executor.close();

        assertEquals(-1, run.exitCode(SHORT));
        assertTrue(FakeDbt.awaitGone(pid, SHORT), "dbt still runs");
    }

    @Test
    void oneConnectionServesSeveralRunsAndIsOpenedAgainAfterItDropped() throws Exception {
        var executor = executor();
        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(1, server.sessionsOpened());

        int port = server.port();
        server.close();
        server = MinaSshServer.start(hostKey, dir.resolve("authorized_keys"), Optional.empty(), port);

        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(1, server.sessionsOpened());
    }

    @Test
    void passwordIsAskedOnlyAfterTheKeysAreRefused() throws Exception {
        server.close();
        server = MinaSshServer.start(
                hostKey,
                SshKeys.authorize(dir.resolve("none"), SshKeys.generate(dir.resolve("x"), "ecdsa", "")),
                Optional.of("pa55 word"));
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        List<String> asked = new ArrayList<>();
        List<char[]> given = new ArrayList<>();
        var executor = executor(dir.toString(), settings(), SshPrompts.none().withPassword((user, host) -> {
            asked.add(user + " " + host);
            char[] password = "pa55 word".toCharArray();
            given.add(password);
            return Optional.of(password);
        }));

        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(List.of(USER + " 127.0.0.1:" + server.port()), asked);
        assertEquals("\0".repeat(9), new String(given.getFirst()));
    }

    @Test
    void serverWithoutKeyLoginsIsAnAuthenticationErrorNamingWhatItOffers() throws Exception {
        server.close();
        server = MinaSshServer.passwordsOnly(hostKey, "pa55 word");
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        var executor = executor();

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals(
                USER + "@127.0.0.1:" + server.port() + " does not take key logins (it offers password,"
                        + " keyboard-interactive): allow password logins in dbt-rescue, or ask the host's"
                        + " administrator to enable PubkeyAuthentication",
                e.getMessage());
    }

    @Test
    void noKeyAtAllIsAnAuthenticationErrorSayingSo() throws Exception {
        Files.delete(clientKey);
        var executor = executor();

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals(
                "No SSH key to log in to " + USER + "@127.0.0.1:" + server.port() + " with: create one with ssh-keygen"
                        + " and add its public key to ~/.ssh/authorized_keys on the host, or start ssh-agent with your"
                        + " key",
                e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port = server.port();
        server.close();
        var executor = executor();

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(FakeDbt.echoing(dir))));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(
                "127.0.0.1:" + port + " refused the connection: is an SSH server running there, on port " + port + "?",
                e.getMessage());
    }

    @Test
    void unresolvableHostNameIsUnreachable() {
        var executor = new SshExecutor(SshTarget.parse("db.invalid"), "/srv/shop", settings(), SshPrompts.none());
        executors.add(executor);

        RunnerException e = assertThrows(RunnerException.class, () -> executor.start(fake(Path.of("/bin/true"))));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(
                "The host name db.invalid could not be resolved: check the name (or the HostName of db.invalid in the"
                        + " ssh config) and the network or VPN",
                e.getMessage());
    }

    @Test
    void keysOfTheSshAgentLogInWhetherItsSocketComesFromTheSettingsOrTheConfig() throws Exception {
        Files.delete(clientKey); // the agent holds the only key
        Path agentKey = SshKeys.generate(dir.resolve("agent_key"), "ecdsa", "agent pass");
        server.close();
        server = MinaSshServer.start(
                hostKey, SshKeys.authorize(dir.resolve("authorized_keys"), agentKey), Optional.empty());
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        try (SshAgent agent = SshAgent.start(dir.resolve("agent.sock"))) {
            agent.add(agentKey, "agent pass");
            var fromSettings = executor(
                    dir.toString(), settings().withAgentSocket(Optional.of(agent.socket())), SshPrompts.none());
            assertEquals(
                    3,
                    AwaitedRun.of(fromSettings.start(fake(FakeDbt.echoing(dir))))
                            .exitCode(SHORT));

            Files.writeString(sshDir.resolve("config"), "Host 127.0.0.1\n    IdentityAgent " + agent.socket() + "\n");
            var fromConfig = executor(dir.toString(), settings(), SshPrompts.none());
            assertEquals(
                    3,
                    AwaitedRun.of(fromConfig.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        }
    }

    @Test
    void proxyJumpFromTheSshConfigReachesTheHostThroughTheJumpHost() throws Exception {
        Files.writeString(sshDir.resolve("config"), """
                Host shop
                    HostName 127.0.0.1
                    Port %1$d
                    ProxyJump bastion
                Host bastion
                    HostName 127.0.0.1
                    Port %1$d
                """.formatted(server.port()));
        var executor = new SshExecutor(SshTarget.parse("shop"), dir.toString(), settings(), SshPrompts.none());
        executors.add(executor);

        assertEquals(
                3, AwaitedRun.of(executor.start(fake(FakeDbt.echoing(dir)))).exitCode(SHORT));
        assertEquals(2, server.sessionsOpened());
        assertEquals("ssh " + USER + "@shop:" + server.port() + " " + dir, executor.description());
        assertEquals("ssh:" + USER + "@127.0.0.1:" + server.port() + ":" + dir, executor.locationKey());
    }
}
