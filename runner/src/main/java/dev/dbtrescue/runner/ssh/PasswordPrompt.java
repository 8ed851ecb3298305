// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.util.Optional;

/**
 * Asks for a login password, only after every key was refused and only when the server allows password logins.
 *
 * <p>The returned array is overwritten with zeros once it is copied for the login; the copy is cleared when the
 * login ends. Never stored, never in a message. Called on the thread that connects; it may block.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /**
     * @param user the remote user
     * @param host the host (resolved name, with {@code :port} when not 22)
     * @return the password, or empty to give up
     */
    Optional<char[]> password(String user, String host);
}
