// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.util.Objects;
import java.util.Optional;

/**
 * The questions a connection may need to ask a person: trust an unknown host, a key's passphrase, a password.
 *
 * @param hostKey asked about a host not yet in {@code known_hosts}
 * @param passphrase asked for the passphrase of an encrypted key the server accepts
 * @param password asked for a password after all keys were refused; empty to never log in with a password
 */
public record SshPrompts(HostKeyPrompt hostKey, PassphrasePrompt passphrase, Optional<PasswordPrompt> password) {

    /** Checks that no prompt is null; {@code password} is empty to never log in with a password. */
    public SshPrompts {
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(password, "password");
    }

    /** No questions: unknown hosts are refused, encrypted keys skipped, no password login (for unattended runs). */
    public static SshPrompts none() {
        return new SshPrompts(HostKeyPrompt.refuseUnknown(), PassphrasePrompt.none(), Optional.empty());
    }

    /** These prompts with another host key prompt. */
    public SshPrompts withHostKey(HostKeyPrompt prompt) {
        return new SshPrompts(prompt, passphrase, password);
    }

    /** These prompts with another passphrase prompt. */
    public SshPrompts withPassphrase(PassphrasePrompt prompt) {
        return new SshPrompts(hostKey, prompt, password);
    }

    /** These prompts with a password prompt (password logins allowed). */
    public SshPrompts withPassword(PasswordPrompt prompt) {
        return new SshPrompts(hostKey, passphrase, Optional.of(prompt));
    }
}
