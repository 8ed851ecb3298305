// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import dev.dbtrescue.runner.fixtures.MinaSshServer;
import dev.dbtrescue.runner.fixtures.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Silent hosts and connections (no close, no reset) are given up on after the configured times. */
@Timeout(90)
class SshTimeoutsIT {

    @TempDir
    Path dir;

    @Test
    void silentlyDeadConnectionEndsTheRunWithConnectionLostWithin30Seconds() throws Exception {
        Path sshDir = Files.createDirectories(dir.resolve("client-ssh"));
        Path clientKey = SshKeys.generate(sshDir.resolve("id_ecdsa"), "ecdsa", "");
        Path hostKey = SshKeys.generate(dir.resolve("host_key"), "ecdsa", "");
        try (var server = MinaSshServer.start(
                        hostKey, SshKeys.authorize(dir.resolve("authorized_keys"), clientKey), Optional.empty());
                var relay = FreezableRelay.to(server.port());
                var executor = new SshExecutor(
                        SshTarget.parse(System.getProperty("user.name") + "@127.0.0.1:" + relay.port()),
                        dir.toString(),
                        SshSettings.inDirectory(sshDir),
                        SshPrompts.none())) {
            Files.writeString(
                    sshDir.resolve("known_hosts"),
                    "[127.0.0.1]:" + relay.port() + " " + SshKeys.publicKey(hostKey) + "\n");
            AwaitedRun run = AwaitedRun.of(executor.start(
                    new DbtInvocation(Optional.of(FakeDbt.sleeping(dir).toString()), List.of(), List.of())));
            long pid = run.awaitPid(Duration.ofSeconds(15));

            long frozen = System.nanoTime();
            relay.freeze();
            RunnerException e = run.failure(Duration.ofSeconds(40));
            Duration noticed = Duration.ofNanos(System.nanoTime() - frozen);

            assertEquals(Kind.CONNECTION_LOST, e.kind());
            assertTrue(
                    noticed.compareTo(Duration.ofSeconds(10)) > 0 && noticed.compareTo(Duration.ofSeconds(30)) < 0,
                    "noticed after " + noticed);

            relay.close(); // the server side now sees its end too, and the wrapper stops dbt
            assertEquals(List.of(), FakeDbt.awaitGroupGone(pid, Duration.ofSeconds(15)));
        }
    }

    @Test
    void hostThatAcceptsButNeverAnswersIsUnreachableAfterTheConnectTimeout() throws Exception {
        Path sshDir = Files.createDirectories(dir.resolve("client-ssh"));
        Path hostKey = SshKeys.generate(dir.resolve("host_key"), "ecdsa", "");
        try (var server = MinaSshServer.start(hostKey, dir.resolve("authorized_keys"), Optional.empty());
                var relay = FreezableRelay.to(server.port());
                var executor = new SshExecutor(
                        SshTarget.parse("127.0.0.1:" + relay.port()),
                        dir.toString(),
                        SshSettings.inDirectory(sshDir)
                                .withTimeouts(Duration.ofSeconds(2), SshSettings.KEEPALIVE_INTERVAL, 3),
                        SshPrompts.none())) {
            relay.freeze();
            long start = System.nanoTime();

            RunnerException e = assertThrows(
                    RunnerException.class,
                    () -> executor.start(new DbtInvocation(Optional.empty(), List.of("debug"), List.of())));

            assertEquals(Kind.UNREACHABLE, e.kind());
            assertEquals(
                    "127.0.0.1:" + relay.port() + " did not answer within 2 s: check the host name, the port, the VPN"
                            + " or the firewall",
                    e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        }
    }
}
