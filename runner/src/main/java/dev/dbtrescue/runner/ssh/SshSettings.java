// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a connection finds its OpenSSH files, and how long it waits.
 *
 * <p>Keys are offered in this order: the ssh-agent's keys (unless the host's config says {@code IdentitiesOnly
 * yes}), then {@code identityFiles}, then the host's {@code IdentityFile}s from the config; only when neither names
 * a key, the {@code defaultIdentityFiles} that exist.
 *
 * @param sshConfig the OpenSSH client config read for Host aliases ({@code ~/.ssh/config}); may be missing
 * @param knownHosts the known hosts file checked and extended ({@code ~/.ssh/known_hosts}), unless the host's config
 *     sets {@code UserKnownHostsFile}
 * @param identityFiles private keys to offer to every host, before the config's
 * @param defaultIdentityFiles keys tried when nothing names one ({@code ~/.ssh/id_ed25519}, {@code id_ecdsa},
 *     {@code id_rsa})
 * @param agentSocket the ssh-agent's socket ({@code SSH_AUTH_SOCK}); empty for no agent
 * @param connectTimeout how long to wait for the TCP connection and each channel to open
 * @param keepAliveInterval how long the connection may be silent before a keepalive is sent
 * @param keepAliveCountMax how many keepalives may go unanswered before the connection counts as lost: a dead
 *     connection is noticed after about {@code keepAliveInterval * (keepAliveCountMax + 1)}
 */
public record SshSettings(
        Path sshConfig,
        Path knownHosts,
        List<Path> identityFiles,
        List<Path> defaultIdentityFiles,
        Optional<Path> agentSocket,
        Duration connectTimeout,
        Duration keepAliveInterval,
        int keepAliveCountMax) {

    /** The connect timeout unless set otherwise. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** The keepalive interval unless set otherwise; with {@link #KEEPALIVE_COUNT_MAX}, a drop is seen in ~20 s. */
    public static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(5);

    /** The unanswered keepalives tolerated unless set otherwise. */
    public static final int KEEPALIVE_COUNT_MAX = 3;

    /**
     * @throws IllegalArgumentException if a duration is not positive or the count is negative
     */
    public SshSettings {
        Objects.requireNonNull(sshConfig, "sshConfig");
        Objects.requireNonNull(knownHosts, "knownHosts");
        identityFiles = List.copyOf(identityFiles);
        defaultIdentityFiles = List.copyOf(defaultIdentityFiles);
        Objects.requireNonNull(agentSocket, "agentSocket");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, was " + connectTimeout);
        }
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException("the keepalive interval must be positive, was " + keepAliveInterval);
        }
        if (keepAliveCountMax < 0) {
            throw new IllegalArgumentException("the keepalive count must not be negative, was " + keepAliveCountMax);
        }
    }

    /**
     * The host aliases of the ssh config's {@code Host} lines, Include lines followed, patterns left out: the hosts a
     * user connects to by name. Reads files: call it off the UI thread.
     *
     * @param home the home folder, for {@code ~} in Include lines
     * @throws IOException if a config file cannot be read, or its Includes loop
     */
    public List<String> configHosts(Path home) throws IOException {
        return SshConfigText.hosts(sshConfig, home);
    }

    /** The user's OpenSSH setup: {@code ~/.ssh} and the agent of {@code SSH_AUTH_SOCK}, if any. */
    public static SshSettings defaults() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        return inDirectory(Path.of(System.getProperty("user.home"), ".ssh"))
                .withAgentSocket(socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket)));
    }

    /**
     * The files of an OpenSSH folder laid out like {@code ~/.ssh} ({@code config}, {@code known_hosts},
     * {@code id_*}), without an agent, and the default timeouts.
     */
    public static SshSettings inDirectory(Path sshDir) {
        return new SshSettings(
                sshDir.resolve("config"),
                sshDir.resolve("known_hosts"),
                List.of(),
                List.of(sshDir.resolve("id_ed25519"), sshDir.resolve("id_ecdsa"), sshDir.resolve("id_rsa")),
                Optional.empty(),
                CONNECT_TIMEOUT,
                KEEPALIVE_INTERVAL,
                KEEPALIVE_COUNT_MAX);
    }

    /** These settings with another ssh config file. */
    public SshSettings withSshConfig(Path file) {
        return new SshSettings(
                file,
                knownHosts,
                identityFiles,
                defaultIdentityFiles,
                agentSocket,
                connectTimeout,
                keepAliveInterval,
                keepAliveCountMax);
    }

    /** These settings with another known hosts file. */
    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(
                sshConfig,
                file,
                identityFiles,
                defaultIdentityFiles,
                agentSocket,
                connectTimeout,
                keepAliveInterval,
                keepAliveCountMax);
    }

    /** These settings with these private keys offered to every host. */
    public SshSettings withIdentityFiles(List<Path> files) {
        return new SshSettings(
                sshConfig,
                knownHosts,
                files,
                defaultIdentityFiles,
                agentSocket,
                connectTimeout,
                keepAliveInterval,
                keepAliveCountMax);
    }

    /** These settings with another ssh-agent socket, or none. */
    public SshSettings withAgentSocket(Optional<Path> socket) {
        return new SshSettings(
                sshConfig,
                knownHosts,
                identityFiles,
                defaultIdentityFiles,
                socket,
                connectTimeout,
                keepAliveInterval,
                keepAliveCountMax);
    }

    /** These settings with other timeouts. */
    public SshSettings withTimeouts(Duration connect, Duration keepAlive, int keepAliveCount) {
        return new SshSettings(
                sshConfig,
                knownHosts,
                identityFiles,
                defaultIdentityFiles,
                agentSocket,
                connect,
                keepAlive,
                keepAliveCount);
    }
}
