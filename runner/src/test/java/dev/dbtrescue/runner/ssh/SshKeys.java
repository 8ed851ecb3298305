// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keys and known_hosts lines made by the real {@code ssh-keygen}, for the SSH integration tests. */
final class SshKeys {

    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private SshKeys() {}

    /**
     * Generates a key pair ({@code file} and {@code file.pub}).
     *
     * @param type {@code ed25519}, {@code ecdsa} or {@code rsa}
     * @param passphrase empty for an unencrypted key
     */
    static Path generate(Path file, String type, String passphrase) throws IOException, InterruptedException {
        run(List.of(
                SSH_KEYGEN.toString(),
                "-q",
                "-t",
                type,
                "-N",
                passphrase,
                "-C",
                "dbt-rescue-test",
                "-f",
                file.toString()));
        return file;
    }

    /** The public key line of a key pair, as written to {@code authorized_keys}. */
    static String publicLine(Path privateKey) throws IOException {
        return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub"))
                .strip();
    }

    /** {@code type base64} of a key pair's public key, without its comment. */
    static String publicKey(Path privateKey) throws IOException {
        String[] parts = publicLine(privateKey).split(" ");
        return parts[0] + " " + parts[1];
    }

    /** The fingerprint {@code ssh-keygen -lf} prints for a key pair, for instance {@code SHA256:...}. */
    static String fingerprint(Path privateKey) throws IOException, InterruptedException {
        String out = run(List.of(
                SSH_KEYGEN.toString(),
                "-lf",
                privateKey.resolveSibling(privateKey.getFileName() + ".pub").toString()));
        return out.split(" ")[1];
    }

    /** Writes an {@code authorized_keys} file with the public keys of these key pairs. */
    static Path authorize(Path file, Path... privateKeys) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path key : privateKeys) {
            lines.add(publicLine(key));
        }
        Files.write(file, lines);
        return file;
    }

    /** Hashes the host names of a known_hosts file in place ({@code ssh-keygen -H}). */
    static void hash(Path knownHosts) throws IOException, InterruptedException {
        run(List.of(SSH_KEYGEN.toString(), "-H", "-f", knownHosts.toString()));
        Files.deleteIfExists(knownHosts.resolveSibling(knownHosts.getFileName() + ".old"));
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
