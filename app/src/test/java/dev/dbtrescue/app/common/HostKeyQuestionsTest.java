// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker asks about an unknown host key and waits; the FX side shows the question and answers it. */
class HostKeyQuestionsTest {

    private final HostKeyQuestions questions = new HostKeyQuestions(Runnable::run);

    @Test
    void theAnswerReachesTheWaitingWorkerAndClearsTheQuestion() throws Exception {
        questions
                .currentProperty()
                .subscribe(q -> q.ifPresent(question -> {
                    assertEquals("SHA256:abc", question.fingerprint());
                    assertTrue(
                            question.message()
                                    .startsWith("warehouse:2222 is not in your known_hosts yet. Its ssh-ed25519"
                                            + " key fingerprint is\nSHA256:abc\n"),
                            question.message());
                    questions.answer(true);
                }));

        assertTrue(questions.ask("warehouse", 2222, "ssh-ed25519", "SHA256:abc", () -> true, cancel -> {}));
        assertEquals(Optional.empty(), questions.currentProperty().get());
    }

    @Test
    void workThatNoLongerWantsAnAnswerIsRefusedWithoutAQuestion() {
        assertFalse(questions.ask("warehouse", 22, "ssh-ed25519", "SHA256:abc", () -> false, cancel -> {}));
        assertEquals(Optional.empty(), questions.currentProperty().get());
    }

    @Test
    void cancellingTheWorkRefusesTheQuestionItLeftWaiting() throws Exception {
        List<Runnable> cancels = new ArrayList<>();
        CompletableFuture<Boolean> asked = CompletableFuture.supplyAsync(
                () -> questions.ask("warehouse", 22, "ssh-rsa", "SHA256:xyz", () -> true, cancels::add));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (questions.currentProperty().get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(questions.currentProperty().get().isPresent());

        cancels.forEach(Runnable::run);

        assertFalse(asked.get(10, TimeUnit.SECONDS));
    }
}
