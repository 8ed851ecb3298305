// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbtrescue.runner.fixtures.SshKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's OpenSSH {@code sshd} on a free loopback port, with a config, host key and authorized_keys of the
 * test's own (no PAM, no strict modes), in the foreground. Tests that use it are skipped where sshd is missing.
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final Path hostKey;
    private final Path log;

    private OpenSshServer(Process process, int port, Path hostKey, Path log) {
        this.process = process;
        this.port = port;
        this.hostKey = hostKey;
        this.log = log;
    }

    /**
     * Starts sshd; as root it needs the privilege separation folder {@code /run/sshd}, which the Debian service
     * normally creates, so it is created here when missing.
     */
    static OpenSshServer start(Path dir, Path authorizedKeys) throws IOException, InterruptedException {
        return start(dir, authorizedKeys, freePort());
    }

    /**
     * Starts sshd on a given port, with the host key already in {@code dir} if there is one: the same server again,
     * after {@link #kill()}.
     */
    static OpenSshServer start(Path dir, Path authorizedKeys, int port) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SSHD), "needs OpenSSH's " + SSHD);
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(privsep);
        }
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        if (!Files.exists(hostKey)) {
            SshKeys.generate(hostKey, "ed25519", "");
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, """
                Port %d
                ListenAddress 127.0.0.1
                HostKey %s
                PidFile %s
                AuthorizedKeysFile %s
                StrictModes no
                UsePAM no
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                Subsystem sftp internal-sftp
                LogLevel VERBOSE
                """.formatted(port, hostKey, dir.resolve("sshd.pid"), authorizedKeys));
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        OpenSshServer server = new OpenSshServer(process, port, hostKey, log);
        server.awaitListening();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("sshd did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    int port() {
        return port;
    }

    /** This server's line for a known_hosts file. */
    String knownHostsLine() throws IOException {
        return "[127.0.0.1]:" + port + " " + SshKeys.publicKey(hostKey);
    }

    /**
     * Kills sshd outright: the listener and every per-connection sshd process (SIGKILL), but none of the users'
     * processes: the connection is gone, as when a host's network or sshd dies, and what runs there is on its own.
     */
    void kill() {
        List<ProcessHandle> sshds = process.descendants()
                .filter(p -> p.info().command().map(OpenSshServer::isSshd).orElse(false))
                .toList();
        process.destroyForcibly();
        sshds.forEach(ProcessHandle::destroyForcibly);
    }

    /** sshd, or the helpers newer OpenSSH versions split it into. */
    private static boolean isSshd(String command) {
        return command.endsWith("/sshd") || command.endsWith("/sshd-session") || command.endsWith("/sshd-auth");
    }

    @Override
    public void close() {
        kill();
    }
}
