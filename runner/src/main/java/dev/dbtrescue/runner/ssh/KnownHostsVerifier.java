// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks host keys against a {@code known_hosts} file (plain and hashed entries), the way {@code ssh} does with
 * {@code StrictHostKeyChecking ask}: a known key passes, an unknown host is put to the {@link HostKeyPrompt} and
 * appended to the file when trusted, and a changed key is refused without asking. JSch then runs with
 * {@code StrictHostKeyChecking yes} and this repository, so nothing is trusted behind its back.
 *
 * <p>One instance per connection attempt: the file is read when it is created, so edits (such as
 * {@code ssh-keygen -R}) apply to the next connection.
 */
final class KnownHostsVerifier implements HostKeyRepository {

    /** Why the last check refused a key, for the error message. */
    record Refusal(String host, String keyType, String fingerprint, boolean changed) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Computes fingerprints as OpenSSH prints them ({@code SHA256:} and unpadded base64, JSch's default). */
    private static final JSch FINGERPRINTS = new JSch();

    private final Path file;
    private final boolean hash;
    private final int port;
    private final HostKeyPrompt prompt;
    private final HostKeyRepository known;
    private volatile @Nullable Refusal refusal;

    /**
     * @param port the port connected to, for the prompt
     * @param hash whether a new entry is hashed ({@code HashKnownHosts yes})
     * @throws IOException if the file exists but cannot be read
     */
    KnownHostsVerifier(Path file, int port, boolean hash, HostKeyPrompt prompt) throws IOException {
        this.file = file;
        this.port = port;
        this.hash = hash;
        this.prompt = prompt;
        this.known = load(file);
    }

    private static HostKeyRepository load(Path file) throws IOException {
        JSch reader = new JSch();
        byte[] text = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        try {
            reader.setKnownHosts(new ByteArrayInputStream(text));
        } catch (JSchException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return reader.getHostKeyRepository();
    }

    /** The known hosts file. */
    Path file() {
        return file;
    }

    /** Why the last check refused the host's key, if it did. */
    @Nullable
    Refusal refusal() {
        return refusal;
    }

    /**
     * OK only for a key known for exactly this host name (for a non-default port, {@code [host]:port} as OpenSSH
     * writes it: JSch would also accept an entry of the bare host, which is another server). A host known with other
     * keys, of any type, has CHANGED: offering a new key type is a man-in-the-middle's way around the check. Only a
     * host with no entry at all is put to the prompt.
     */
    @Override
    public int check(String host, byte[] key) {
        HostKey offered;
        try {
            offered = new HostKey(host, key);
        } catch (JSchException e) {
            refusal = new Refusal(host, "unknown", "unknown", true);
            return CHANGED;
        }
        String type = offered.getType();
        String fingerprint = offered.getFingerPrint(FINGERPRINTS);
        int result;
        List<HostKey> entries;
        synchronized (known) {
            result = known.check(host, key);
            entries = Arrays.stream(known.getHostKey(host, null))
                    .filter(e -> namesExactly(e, host))
                    .toList();
        }
        String encoded = Base64.getEncoder().encodeToString(key);
        if (result == OK && entries.stream().anyMatch(e -> e.getKey().equals(encoded))) {
            return OK;
        }
        if (result == CHANGED || !entries.isEmpty()) {
            refusal = new Refusal(host, type, fingerprint, true);
            return CHANGED;
        }
        if (!prompt.trustUnknownHost(bareHost(host), port, type, fingerprint)) {
            refusal = new Refusal(host, type, fingerprint, false);
            return NOT_INCLUDED;
        }
        try {
            append(host, type, key);
        } catch (IOException | GeneralSecurityException e) {
            // Trusted for this connection; the next one asks again. Not worth failing the run over.
        }
        return OK;
    }

    /**
     * Whether a known_hosts entry names {@code host} itself: for {@code [host]:port}, an entry of that exact name (or
     * its hash), not of the bare host that JSch falls back to.
     */
    private static boolean namesExactly(HostKey entry, String host) {
        if (!host.startsWith("[")) {
            return true;
        }
        String names = entry.getHost();
        if (names.startsWith("|1|")) {
            String[] parts = names.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
                byte[] digest = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(digest, Base64.getDecoder().decode(parts[3]));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
        return Arrays.asList(names.split(",")).contains(host);
    }

    private void append(String host, String type, byte[] key) throws IOException, GeneralSecurityException {
        String name = hash ? hashed(host) : host;
        String line = name + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            trySetPermissions(parent, "rwx------");
        }
        boolean created = !Files.exists(file);
        if (!created) {
            long size = Files.size(file);
            if (size > 0 && !endsWithNewline(file)) {
                line = "\n" + line;
            }
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            trySetPermissions(file, "rw-------");
        }
        synchronized (known) {
            try {
                known.add(new HostKey(host, key), null); // in memory only: this instance has no file name
            } catch (JSchException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    private static void trySetPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /** A hashed known_hosts name, as {@code ssh-keygen -H} writes it: {@code |1|salt|HMAC-SHA1(salt, host)}. */
    static String hashed(String host) throws GeneralSecurityException {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] digest = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(digest);
    }

    /** {@code host} from {@code [host]:port}. */
    private static String bareHost(String host) {
        int close = host.indexOf("]:");
        return host.startsWith("[") && close > 0 ? host.substring(1, close) : host;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Entries are only added through check(), after the prompt trusted them.
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is the user's file: only ssh-keygen -R removes entries.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // as above
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        synchronized (known) {
            return known.getHostKey();
        }
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        synchronized (known) {
            return known.getHostKey(host, type);
        }
    }
}
