// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.HostKeyRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKnownHostsVerifierTest {

    /** Made with {@code ssh-keygen -t ed25519 -C fixture}; {@code ssh-keygen -lf} prints the fingerprint below. */
    private static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIE0NBEU0ATuRvfqIo2JWp532S/FkEPveCkpA3UlxAtVi";

    private static final String KEY_FINGERPRINT = "SHA256:IdgTo3L7FYN//NdsUFOJVbb0dW68PMuJ8mbZbnffDEU";

    /** Another ed25519 key: the same host offering it means its key changed. */
    private static final String OTHER_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIKzYkoB0WZMXHXEXT5t4+rPbYo4lqMIu2UaCc3tMo3ig";

    /** An ECDSA key and its fingerprint, from {@code ssh-keygen -t ecdsa} and {@code -lf}. */
    private static final String ECDSA_KEY =
            "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAwVg3MSb0ibnaRG+GoG+NZYdCjs"
                    + "+le5EpxkMEc4fYs8zseGGbJ6OL2veACwTtVJoWvz0rZgYPyDiNPfy/FPDBA=";

    private static final String ECDSA_FINGERPRINT = "SHA256:0twyc22Csh6X0Is1/7s3/I0CR2Yic9liaCOwfli1kQc";

    @TempDir
    Path dir;

    private static byte[] blob(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    @Test
    void promptShowsTypeAndFingerprintLikeSshKeygenPrintsThem() throws IOException {
        List<String> asked = new ArrayList<>();
        var verifier = new KnownHostsVerifier(dir.resolve("known_hosts"), 22, false, (host, port, type, fp) -> {
            asked.add(type + " " + fp);
            return false;
        });
        verifier.check("a.example.com", blob(KEY));
        verifier.check("b.example.com", blob(ECDSA_KEY));
        assertEquals(List.of("ssh-ed25519 " + KEY_FINGERPRINT, "ecdsa-sha2-nistp256 " + ECDSA_FINGERPRINT), asked);
    }

    @Test
    void aHostKnownWithAKeyOfAnotherTypeHasChangedAndIsNotPutToThePrompt() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "db.example.com ecdsa-sha2-nistp256 " + ECDSA_KEY + "\n");
        List<String> asked = new ArrayList<>();
        var verifier = new KnownHostsVerifier(file, 22, false, (host, port, type, fp) -> asked.add(host));

        assertEquals(HostKeyRepository.CHANGED, verifier.check("db.example.com", blob(KEY)));
        assertEquals(List.of(), asked);
    }

    @Test
    void anEntryOfTheBareHostDoesNotVouchForAnotherPort() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "db.example.com ssh-ed25519 " + KEY + "\n");
        List<String> asked = new ArrayList<>();
        var verifier = new KnownHostsVerifier(
                file, 2222, false, (host, port, type, fp) -> asked.add(host + ":" + port) && false);

        assertEquals(HostKeyRepository.NOT_INCLUDED, verifier.check("[db.example.com]:2222", blob(KEY)));
        assertEquals(List.of("db.example.com:2222"), asked);
    }

    @Test
    void aHashedEntryOfTheHostAndPortIsKnown() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, KnownHostsVerifier.hashed("[db.example.com]:2222") + " ssh-ed25519 " + KEY + "\n");
        var verifier = new KnownHostsVerifier(file, 2222, false, HostKeyPrompt.refuseUnknown());

        assertEquals(HostKeyRepository.OK, verifier.check("[db.example.com]:2222", blob(KEY)));
        assertEquals(HostKeyRepository.CHANGED, verifier.check("[db.example.com]:2222", blob(OTHER_KEY)));
    }

    @Test
    void unknownHostIsPutToThePromptWithHostPortTypeAndFingerprint() throws IOException {
        List<String> asked = new ArrayList<>();
        var verifier = new KnownHostsVerifier(dir.resolve("known_hosts"), 2222, false, (host, port, type, fp) -> {
            asked.add(host + " " + port + " " + type + " " + fp);
            return false;
        });
        int result = verifier.check("[127.0.0.1]:2222", blob(KEY));
        assertEquals(List.of("127.0.0.1 2222 ssh-ed25519 " + KEY_FINGERPRINT), asked);
        assertEquals(HostKeyRepository.NOT_INCLUDED, result);
        assertEquals(
                new KnownHostsVerifier.Refusal("[127.0.0.1]:2222", "ssh-ed25519", KEY_FINGERPRINT, false),
                verifier.refusal());
    }

    @Test
    void trustedHostIsAppendedToKnownHostsAndKnownNextTime() throws IOException {
        Path file = dir.resolve("ssh/known_hosts");
        var first = new KnownHostsVerifier(file, 2222, false, (host, port, type, fp) -> true);
        assertEquals(HostKeyRepository.OK, first.check("[127.0.0.1]:2222", blob(KEY)));
        assertEquals("[127.0.0.1]:2222 ssh-ed25519 " + KEY + "\n", Files.readString(file));

        var second = new KnownHostsVerifier(file, 2222, false, HostKeyPrompt.refuseUnknown());
        assertEquals(HostKeyRepository.OK, second.check("[127.0.0.1]:2222", blob(KEY)));
        assertNull(second.refusal());
    }

    @Test
    void trustedHostIsHashedWhenTheConfigAsksForIt() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# my hosts"); // no final newline: the entry must start on a line of its own
        var first = new KnownHostsVerifier(file, 22, true, (host, port, type, fp) -> true);
        first.check("db.example.com", blob(KEY));

        List<String> lines = Files.readAllLines(file);
        assertEquals("# my hosts", lines.get(0));
        assertTrue(
                lines.get(1).matches("\\|1\\|[A-Za-z0-9+/=]{28}\\|[A-Za-z0-9+/=]{28} ssh-ed25519 " + KEY),
                lines.get(1));
        var second = new KnownHostsVerifier(file, 22, false, HostKeyPrompt.refuseUnknown());
        assertEquals(HostKeyRepository.OK, second.check("db.example.com", blob(KEY)));
    }

    @Test
    void changedKeyIsRefusedWithoutAsking() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:2222 ssh-ed25519 " + OTHER_KEY + "\n");
        List<String> asked = new ArrayList<>();
        var verifier = new KnownHostsVerifier(file, 2222, false, (host, port, type, fp) -> asked.add(host));

        assertEquals(HostKeyRepository.CHANGED, verifier.check("[127.0.0.1]:2222", blob(KEY)));
        assertEquals(List.of(), asked);
        assertEquals(
                new KnownHostsVerifier.Refusal("[127.0.0.1]:2222", "ssh-ed25519", KEY_FINGERPRINT, true),
                verifier.refusal());
        assertEquals("[127.0.0.1]:2222 ssh-ed25519 " + OTHER_KEY + "\n", Files.readString(file));
    }
}
