// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * An Apache MINA SSH server on a loopback port of the test JVM that runs exec requests as real processes
 * ({@link ProcessCommand}), logs in with the keys of an {@code authorized_keys} file (and a password, if given), and
 * forwards TCP for ProxyJump.
 */
final class MinaSshServer implements AutoCloseable {

    private final SshServer server;
    private final Path hostKey;
    private final AtomicInteger sessions;

    private MinaSshServer(SshServer server, Path hostKey, AtomicInteger sessions) {
        this.server = server;
        this.hostKey = hostKey;
        this.sessions = sessions;
    }

    /**
     * @param hostKey the server's private host key (an OpenSSH key file, for instance from {@link SshKeys})
     */
    static MinaSshServer start(Path hostKey, Path authorizedKeys, Optional<String> password) throws IOException {
        return start(hostKey, authorizedKeys, password, 0);
    }

    /** As above, on a given port (0 for any free one). */
    static MinaSshServer start(Path hostKey, Path authorizedKeys, Optional<String> password, int port)
            throws IOException {
        return start(hostKey, Optional.of(authorizedKeys), password, port);
    }

    /** A server that takes passwords only (no key logins at all). */
    static MinaSshServer passwordsOnly(Path hostKey, String password) throws IOException {
        return start(hostKey, Optional.empty(), Optional.of(password), 0);
    }

    private static MinaSshServer start(Path hostKey, Optional<Path> authorizedKeys, Optional<String> password, int port)
            throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        AtomicInteger sessions = new AtomicInteger();
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setPublickeyAuthenticator(
                authorizedKeys.map(AuthorizedKeysAuthenticator::new).orElse(null));
        password.ifPresent(
                expected -> server.setPasswordAuthenticator((user, given, session) -> expected.equals(given)));
        server.setCommandFactory((channel, command) -> new ProcessCommand(command));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.start();
        return new MinaSshServer(server, hostKey, sessions);
    }

    int port() {
        return server.getPort();
    }

    /** How many SSH connections were opened to this server. */
    int sessionsOpened() {
        return sessions.get();
    }

    /** This server's line for a known_hosts file. */
    String knownHostsLine() throws IOException {
        return "[127.0.0.1]:" + port() + " " + SshKeys.publicKey(hostKey);
    }

    /** Stops at once, closing every connection: to the client, the server has vanished. */
    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
