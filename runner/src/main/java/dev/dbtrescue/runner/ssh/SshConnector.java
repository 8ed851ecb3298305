// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.dbtrescue.runner.RunnerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opens authenticated, host-verified JSch sessions to a host, through its {@code ProxyJump} hops if it has any.
 * Never trusts a host key on its own ({@code StrictHostKeyChecking yes} with a {@link KnownHostsVerifier}).
 */
final class SshConnector {

    /** The sessions of one connection: the jump hosts in order, then the target. */
    record Connection(List<Session> sessions) {

        Connection {
            sessions = List.copyOf(sessions);
        }

        Session target() {
            return sessions.getLast();
        }

        boolean isConnected() {
            return sessions.stream().allMatch(Session::isConnected);
        }

        /** Disconnects the target, then the hops; the channels on them close, so remote commands see their end. */
        void close() {
            for (Session s : sessions.reversed()) {
                s.disconnect();
            }
        }
    }

    private final SshSettings settings;
    private final SshPrompts prompts;
    private final Optional<ConfigRepository> config;
    private final String localUser;
    private final Path home;
    private final JSch jsch = new JSch();

    SshConnector(
            SshSettings settings, SshPrompts prompts, Optional<ConfigRepository> config, String localUser, Path home) {
        this.settings = settings;
        this.prompts = prompts;
        this.config = config;
        this.localUser = localUser;
        this.home = home;
    }

    /**
     * Connects to the host through its hops.
     *
     * @throws RunnerException {@code UNREACHABLE}, {@code HOST_KEY} or {@code AUTHENTICATION}, naming the hop that
     *     failed
     */
    Connection connect(ResolvedHost host) throws RunnerException {
        List<Session> open = new ArrayList<>();
        try {
            Session via = null;
            for (SshTarget hop : host.proxyJump()) {
                via = open(ResolvedHost.resolve(hop, config, localUser, home), via);
                open.add(via);
            }
            open.add(open(host, via));
            return new Connection(open);
        } catch (RunnerException | RuntimeException e) {
            new Connection(open).close();
            throw e;
        }
    }

    private Session open(ResolvedHost host, @Nullable Session via) throws RunnerException {
        KnownHostsVerifier verifier = verifier(host);
        Identities identities = Identities.collect(host, settings, prompts.passphrase());
        try {
            Session session = session(host, via, verifier, identities, "publickey");
            session.connect(millis(settings.connectTimeout()));
            return session;
        } catch (JSchException e) {
            if (SshFailures.isAuthFailure(e)
                    && SshFailures.allowsPassword(e)
                    && prompts.password().isPresent()) {
                return withPassword(
                        host, via, verifier, identities, e, prompts.password().get());
            }
            throw SshFailures.connecting(e, host, verifier, identities, settings.connectTimeout(), false);
        }
    }

    /** A second login with a password, after the keys were refused; the password is cleared whatever happens. */
    private Session withPassword(
            ResolvedHost host,
            @Nullable Session via,
            KnownHostsVerifier verifier,
            Identities identities,
            JSchException refused,
            PasswordPrompt prompt)
            throws RunnerException {
        Optional<char[]> given = prompt.password(host.user(), host.hostAndPort());
        if (given.isEmpty()) {
            throw SshFailures.connecting(refused, host, verifier, identities, settings.connectTimeout(), false);
        }
        char[] chars = given.get();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        try {
            Session session = session(host, via, verifier, identities, "password,keyboard-interactive");
            session.setPassword(password); // JSch copies it and clears its copy when the login ends
            session.connect(millis(settings.connectTimeout()));
            return session;
        } catch (JSchException e) {
            throw SshFailures.connecting(e, host, verifier, identities, settings.connectTimeout(), true);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(password, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    private Session session(
            ResolvedHost host,
            @Nullable Session via,
            KnownHostsVerifier verifier,
            Identities identities,
            String methods)
            throws JSchException {
        Session session = jsch.getSession(host.user(), host.hostName(), host.port());
        session.setHostKeyRepository(verifier);
        session.setIdentityRepository(identities);
        host.algorithms().forEach(session::setConfig);
        session.setConfig("StrictHostKeyChecking", "yes"); // the verifier asks; JSch itself never trusts
        session.setConfig("PreferredAuthentications", methods);
        host.hostKeyAlias().ifPresent(session::setHostKeyAlias);
        session.setServerAliveInterval(millis(settings.keepAliveInterval()));
        session.setServerAliveCountMax(settings.keepAliveCountMax());
        session.setDaemonThread(true);
        if (via != null) {
            session.setProxy(new JumpProxy(via));
        }
        return session;
    }

    private KnownHostsVerifier verifier(ResolvedHost host) throws RunnerException {
        Path file = host.knownHosts().orElse(settings.knownHosts());
        try {
            return new KnownHostsVerifier(file, host.port(), host.hashKnownHosts(), prompts.hostKey());
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO, "Could not read the known hosts file " + file + ": " + e.getMessage(), e);
        }
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
