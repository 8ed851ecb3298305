// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The question about an SSH host not yet in known_hosts, between the worker thread that connects and the user: the
 * worker {@link #ask}s and waits, the screen shows {@link #currentProperty()}, the user {@link #answer}s on the FX
 * thread. An unanswered question is refused when its work is cancelled.
 */
public final class HostKeyQuestions {

    /**
     * One question.
     *
     * @param host the host name as connected to
     * @param port its port
     * @param keyType the key's algorithm, for instance {@code ssh-ed25519}
     * @param fingerprint the key's SHA-256 fingerprint as {@code ssh-keygen -lf} prints it
     * @param message the question, ready to show
     */
    public record Question(String host, int port, String keyType, String fingerprint, String message) {}

    private final Executor fx;
    private final ReadOnlyObjectWrapper<Optional<Question>> current =
            new ReadOnlyObjectWrapper<>(this, "current", Optional.empty());
    private @Nullable CompletableFuture<Boolean> pending; // FX thread only

    /** @param fx runs work on the FX thread */
    public HostKeyQuestions(Executor fx) {
        this.fx = fx;
    }

    /** The question waiting for an answer, empty when none. */
    public ReadOnlyObjectProperty<Optional<Question>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Answers the waiting question (FX thread): trust the key, so it is added to known_hosts, or refuse the host. */
    public void answer(boolean trust) {
        CompletableFuture<Boolean> answer = pending;
        pending = null;
        current.set(Optional.empty());
        if (answer != null) {
            answer.complete(trust);
        }
    }

    /**
     * Asks from a worker thread and waits for the answer.
     *
     * @param wanted checked on the FX thread before the question shows: false when the work no longer wants an
     *     answer (it was cancelled or overtaken), which refuses at once
     * @param onCancel registers what to run when the work is cancelled while the question waits (it refuses)
     * @return true if the user trusts the key
     */
    public boolean ask(
            String host,
            int port,
            String keyType,
            String fingerprint,
            BooleanSupplier wanted,
            Consumer<Runnable> onCancel) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        onCancel.accept(() -> answer.complete(false));
        String where = port == 22 ? host : host + ":" + port;
        String message = where + " is not in your known_hosts yet. Its " + keyType + " key fingerprint is\n"
                + fingerprint + "\nTrust it only if it matches what the host's administrator reads with"
                + " ssh-keygen -lf on the host. Trust it and add it to known_hosts?";
        fx.execute(() -> {
            if (wanted.getAsBoolean() && !answer.isDone()) {
                answer(false); // a question still showing belongs to work that is gone
                pending = answer;
                current.set(Optional.of(new Question(host, port, keyType, fingerprint, message)));
            } else {
                answer.complete(false);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
