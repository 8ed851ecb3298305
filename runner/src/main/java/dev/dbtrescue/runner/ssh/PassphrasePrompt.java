// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.util.Optional;

/**
 * Asks for the passphrase of an encrypted private key, when the server has accepted that key's public half (so a
 * user is only asked for keys that can log in).
 *
 * <p>The returned array is overwritten with zeros as soon as the key is decrypted (or not); it is never stored, and
 * the runner never puts it in a message. Called on the thread that connects; it may block.
 */
@FunctionalInterface
public interface PassphrasePrompt {

    /**
     * @param keyFile the private key file, as configured
     * @return the passphrase, or empty to skip this key; asked again (up to three times) when it was wrong
     */
    Optional<char[]> passphrase(String keyFile);

    /** A prompt that never gives a passphrase: encrypted keys are skipped (the ssh-agent may still hold them). */
    static PassphrasePrompt none() {
        return keyFile -> Optional.empty();
    }
}
