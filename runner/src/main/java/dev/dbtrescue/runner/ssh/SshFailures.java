// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import dev.dbtrescue.graph.plan.ShellQuoting;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSch's connection failures into {@link RunnerException}s that say what failed and what to do. Messages hold
 * host names, key fingerprints and file names, never secrets or stack traces.
 */
final class SshFailures {

    private SshFailures() {}

    /** Whether JSch gave up authenticating (every method failed or was cancelled). */
    static boolean isAuthFailure(JSchException e) {
        String message = e.getMessage();
        return message != null && (message.startsWith("Auth fail") || message.startsWith("Auth cancel"));
    }

    /** Whether the server said it would take a password ({@code Auth fail for methods 'publickey,password'}). */
    static boolean allowsPassword(JSchException e) {
        String message = e.getMessage();
        return message != null && (message.contains("password") || message.contains("keyboard-interactive"));
    }

    /** The failure of a connection attempt to {@code host}. */
    static RunnerException connecting(
            JSchException e,
            ResolvedHost host,
            KnownHostsVerifier verifier,
            Identities identities,
            Duration timeout,
            boolean passwordRefused) {
        KnownHostsVerifier.Refusal refusal = verifier.refusal();
        if (e instanceof JSchRevokedHostKeyException) {
            return new RunnerException(
                    Kind.HOST_KEY,
                    "The host key of " + host.hostAndPort() + " is marked @revoked in " + verifier.file()
                            + ": refusing to connect. Ask the host's administrator for its current key");
        }
        if (e instanceof JSchChangedHostKeyException || (refusal != null && refusal.changed())) {
            return changedKey(host, verifier, refusal);
        }
        if (e instanceof JSchUnknownHostKeyException && refusal != null) {
            return new RunnerException(
                    Kind.HOST_KEY,
                    "The host " + host.hostAndPort() + " is not in " + verifier.file() + " and its key was not"
                            + " trusted (" + refusal.keyType() + " key " + refusal.fingerprint() + "). Compare the"
                            + " fingerprint with the one the host's administrator reads with ssh-keygen -lf on the"
                            + " host's public key, then trust it, or add the host to " + verifier.file());
        }
        if (isAuthFailure(e)) {
            return authentication(e, host, identities, passwordRefused);
        }
        return unreachable(e, host, timeout);
    }

    private static RunnerException changedKey(
            ResolvedHost host, KnownHostsVerifier verifier, KnownHostsVerifier.@Nullable Refusal refusal) {
        String name = refusal != null ? refusal.host() : host.hostAndPort();
        String offered =
                refusal != null ? " (it now offers " + refusal.keyType() + " key " + refusal.fingerprint() + ")" : "";
        return new RunnerException(
                Kind.HOST_KEY,
                "The host key of " + host.hostAndPort() + " has changed" + offered + " and differs from the one in "
                        + verifier.file() + ": this is a possible man-in-the-middle attack, so the connection was"
                        + " refused. If the change is expected (the host was reinstalled or its keys replaced),"
                        + " remove the old key with ssh-keygen -R " + ShellQuoting.quote(name) + " -f "
                        + ShellQuoting.quote(verifier.file().toString()) + " and connect again");
    }

    private static RunnerException authentication(
            JSchException e, ResolvedHost host, Identities identities, boolean passwordRefused) {
        String who = host.display();
        String offered = serverMethods(e);
        if (!passwordRefused && !offered.isEmpty() && !offered.contains("publickey")) {
            return new RunnerException(
                    Kind.AUTHENTICATION,
                    who + " does not take key logins (it offers " + offered + "): allow password logins in"
                            + " dbt-rescue, or ask the host's administrator to enable PubkeyAuthentication");
        }
        if (identities.isEmpty() && !passwordRefused) {
            String skipped = identities.describeTried();
            return new RunnerException(
                    Kind.AUTHENTICATION,
                    "No SSH key to log in to " + who + " with" + (skipped.isEmpty() ? "" : " (" + skipped + ")")
                            + ": create one with ssh-keygen and add its public key to ~/.ssh/authorized_keys on the"
                            + " host, or start ssh-agent with your key");
        }
        return new RunnerException(
                Kind.AUTHENTICATION,
                who + " refused the login (tried: " + identities.describeTried()
                        + (passwordRefused ? ", a password" : "") + "): add your public key to ~/.ssh/authorized_keys"
                        + " of " + host.user() + " on the host, or name the right key (IdentityFile)");
    }

    /** The methods in {@code Auth fail for methods 'publickey,password'}, comma-separated; empty if not given. */
    private static String serverMethods(JSchException e) {
        String message = String.valueOf(e.getMessage());
        int open = message.indexOf('\'');
        int close = message.lastIndexOf('\'');
        return open >= 0 && close > open ? message.substring(open + 1, close).replace(",", ", ") : "";
    }

    private static RunnerException unreachable(JSchException e, ResolvedHost host, Duration timeout) {
        String where = host.hostAndPort();
        Throwable cause = rootCause(e);
        String message = String.valueOf(e.getMessage());
        if (cause instanceof UnknownHostException) {
            return new RunnerException(
                    Kind.UNREACHABLE,
                    "The host name " + host.hostName() + " could not be resolved: check the name (or the HostName"
                            + " of " + host.alias() + " in the ssh config) and the network or VPN");
        }
        if (cause instanceof ConnectException) {
            return new RunnerException(
                    Kind.UNREACHABLE,
                    where + " refused the connection: is an SSH server running there, on port " + host.port() + "?");
        }
        if (cause instanceof NoRouteToHostException) {
            return new RunnerException(
                    Kind.UNREACHABLE, "There is no network route to " + where + ": check the network or VPN");
        }
        if (cause instanceof SocketTimeoutException
                || message.toLowerCase(Locale.ROOT).contains("timeout")) {
            return new RunnerException(
                    Kind.UNREACHABLE,
                    where + " did not answer within " + timeout.toSeconds() + " s: check the host name, the port,"
                            + " the VPN or the firewall");
        }
        return new RunnerException(
                Kind.UNREACHABLE, "Could not open an SSH connection to " + where + ": " + describe(cause, message));
    }

    private static String describe(Throwable cause, String message) {
        if (message.startsWith("Session.connect: ") && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return message;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
