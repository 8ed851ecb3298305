// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.KeyPair;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A private key file offered for public-key login. An encrypted key is offered by its public half, and its
 * passphrase is asked only when the server accepts that key and a signature is needed (as {@code ssh} does), so a
 * user is never asked about keys that cannot log in.
 *
 * <p>JSch never sees it as encrypted: its own passphrase handling would take the passphrase as a {@code String} and
 * give up the whole public-key method on a wrong one.
 */
final class KeyFileIdentity implements Identity {

    private static final int ATTEMPTS = 3;

    /** What became of the key in the last login, for the error message. */
    enum Use {
        NOT_OFFERED,
        OFFERED,
        NO_PASSPHRASE,
        WRONG_PASSPHRASE,
        SIGNED
    }

    private final String name;
    private final KeyPair pair;
    private final PassphrasePrompt prompt;
    private volatile Use use = Use.NOT_OFFERED;

    KeyFileIdentity(String name, KeyPair pair, PassphrasePrompt prompt) {
        this.name = name;
        this.pair = pair;
        this.prompt = prompt;
    }

    /** What became of the key in the last login. */
    Use use() {
        return use;
    }

    @Override
    public boolean setPassphrase(byte[] passphrase) {
        return true; // decrypted on demand in getSignature, see the class comment
    }

    @Override
    public byte @Nullable [] getPublicKeyBlob() {
        if (pair.getPublicKeyBlob() == null && pair.isEncrypted()) {
            unlock(); // an old PEM key without its .pub: its public half is inside the encrypted part
        }
        if (use == Use.NOT_OFFERED) {
            use = Use.OFFERED;
        }
        return pair.getPublicKeyBlob();
    }

    @Override
    public byte @Nullable [] getSignature(byte[] data) {
        return getSignature(data, pair.getKeyTypeString());
    }

    @Override
    public byte @Nullable [] getSignature(byte[] data, String alg) {
        if (pair.isEncrypted()) {
            unlock();
            if (pair.isEncrypted()) {
                return null; // JSch moves on to the next key
            }
        }
        use = Use.SIGNED;
        return pair.getSignature(data, alg);
    }

    private void unlock() {
        for (int attempt = 0; attempt < ATTEMPTS && pair.isEncrypted(); attempt++) {
            Optional<char[]> given = prompt.passphrase(name);
            if (given.isEmpty()) {
                use = Use.NO_PASSPHRASE;
                return;
            }
            char[] chars = given.get();
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            try {
                pair.decrypt(bytes);
            } catch (RuntimeException e) {
                // a wrong passphrase can fail deep in the key parser; it stays encrypted
            } finally {
                Arrays.fill(chars, '\0');
                Arrays.fill(bytes, (byte) 0);
                if (encoded.hasArray()) {
                    Arrays.fill(encoded.array(), (byte) 0);
                }
            }
            use = pair.isEncrypted() ? Use.WRONG_PASSPHRASE : Use.OFFERED;
        }
    }

    @Override
    public String getAlgName() {
        return pair.getKeyTypeString();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isEncrypted() {
        return false; // see the class comment
    }

    @Override
    public void clear() {
        pair.dispose();
    }
}
