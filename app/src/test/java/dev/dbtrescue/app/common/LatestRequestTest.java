// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Only the newest request counts, and a request made to wait never starts once a newer one came. */
class LatestRequestTest {

    @Test
    void aWaitingRequestOvertakenByANewerOneNeverStarts() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            var latest = new LatestRequest(background, fx);
            List<String> worked = new CopyOnWriteArrayList<>();
            List<String> applied = new CopyOnWriteArrayList<>();
            fx.submit(() -> {
                        latest.submitAfter(Duration.ofMillis(100), () -> work(worked, "first"), applied::add, e -> {});
                        latest.submitAfter(Duration.ofMillis(100), () -> work(worked, "second"), applied::add, e -> {});
                    })
                    .get();
            Thread.sleep(50);
            assertEquals(List.of(), worked, "nothing starts before its delay");

            Thread.sleep(400);
            fx.submit(() -> {}).get(); // the FX side has applied what arrived

            assertEquals(List.of("second"), worked);
            assertEquals(List.of("second"), applied);
        } finally {
            background.shutdownNow();
            fx.shutdownNow();
        }
    }

    @Test
    void aWaitingRequestCancelledNeverStarts() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            var latest = new LatestRequest(background, fx);
            List<String> worked = new CopyOnWriteArrayList<>();
            fx.submit(() -> {
                        latest.submitAfter(Duration.ofMillis(50), () -> work(worked, "waiting"), v -> {}, e -> {});
                        latest.cancel();
                    })
                    .get();
            Thread.sleep(300);

            assertEquals(List.of(), worked);
        } finally {
            background.shutdownNow();
            fx.shutdownNow();
        }
    }

    private static String work(List<String> worked, String name) {
        worked.add(name);
        return name;
    }
}
