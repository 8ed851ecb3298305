// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

/**
 * Asks whether to trust an SSH host whose key is not in {@code known_hosts} yet (the first connection to it). A key
 * that <em>changed</em> is never offered here: it is always refused.
 *
 * <p>Called on the thread that connects, while the connection waits; it may block (for a dialog).
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /**
     * @param host the host name as it is checked in {@code known_hosts} (the resolved HostName, or HostKeyAlias)
     * @param port the port connected to
     * @param keyType the key's algorithm, for instance {@code ssh-ed25519} or {@code ecdsa-sha2-nistp256}
     * @param sha256Fingerprint the key's fingerprint in OpenSSH's format, {@code SHA256:} and unpadded base64, as
     *     {@code ssh-keygen -lf} prints it on the host
     * @return true to trust the key (it is then added to {@code known_hosts}), false to refuse the connection
     */
    boolean trustUnknownHost(String host, int port, String keyType, String sha256Fingerprint);

    /** A prompt that refuses every unknown host: only hosts already in {@code known_hosts} are reached. */
    static HostKeyPrompt refuseUnknown() {
        return (host, port, keyType, fingerprint) -> false;
    }
}
