// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A connection that goes silent (no close, no reset) is noticed by keepalives with the default settings. */
@Timeout(90)
class SshKeepAliveIT {

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
}
