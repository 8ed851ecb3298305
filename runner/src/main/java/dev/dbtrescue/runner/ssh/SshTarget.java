// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An SSH destination as a user types it: a {@code ~/.ssh/config} Host alias, or {@code [user@]host[:port]}.
 * The alias's settings (HostName, User, Port, IdentityFile, ...) are applied when connecting; explicit parts win.
 *
 * @param host the alias or host name
 * @param user the user, when given
 * @param port the port, when given
 */
public record SshTarget(String host, Optional<String> user, OptionalInt port) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the SSH host is empty: give a Host alias or user@host[:port]");
        }
    }

    /**
     * Parses {@code ALIAS}, {@code host}, {@code user@host}, {@code host:port}, {@code user@host:port} or
     * {@code user@[v6addr]:port}.
     *
     * @throws IllegalArgumentException with what is wrong, for a malformed destination
     */
    public static SshTarget parse(String text) {
        String rest = text.strip();
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
            if (user.get().isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': the user before @ is empty");
            }
        }
        String host = rest;
        OptionalInt port = OptionalInt.empty();
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': an IPv6 address needs a closing ]");
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + text + "': expected :port after ]");
                }
                portText = rest.substring(close + 2);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            portText = rest.substring(rest.indexOf(':') + 1);
        }
        if (portText != null) {
            int value;
            try {
                value = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': the port '" + portText + "' is not a number");
            }
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("'" + text + "': the port must be 1 to 65535, was " + value);
            }
            port = OptionalInt.of(value);
        }
        return new SshTarget(host, user, port);
    }

    @Override
    public String toString() {
        return user.map(u -> u + "@").orElse("")
                + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
