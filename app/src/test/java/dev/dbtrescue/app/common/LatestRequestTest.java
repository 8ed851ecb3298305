// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only the newest request counts, and a request made to wait never starts once a newer one came. */
class LatestRequestTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    /** Stands in for the FX thread: the requests are made and applied there. */
    private final ExecutorService fx = Executors.newSingleThreadExecutor();

    private final LatestRequest latest = new LatestRequest(background, fx);
    private final List<String> worked = new CopyOnWriteArrayList<>();
    private final List<String> applied = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        background.shutdownNow();
        fx.shutdownNow();
    }

    @Test
    void aWaitingRequestOvertakenByANewerOneNeverStarts() throws Exception {
        fx.submit(() -> {
                    latest.submitAfter(Duration.ofMillis(300), () -> work("first"), applied::add, e -> {});
                    latest.submitAfter(Duration.ofMillis(300), () -> work("second"), applied::add, e -> {});
                })
                .get();
        Thread.sleep(50);
        assertEquals(List.of(), worked, "nothing starts before its delay");

        Thread.sleep(900);
        fx.submit(() -> {}).get(); // the FX side has applied what arrived

        assertEquals(List.of("second"), worked);
        assertEquals(List.of("second"), applied);
    }

    @Test
    void aWaitingRequestCancelledNeverStarts() throws Exception {
        fx.submit(() -> {
                    latest.submitAfter(Duration.ofMillis(50), () -> work("waiting"), applied::add, e -> {});
                    latest.cancel();
                })
                .get();
        Thread.sleep(300);

        assertEquals(List.of(), worked);
        assertEquals(List.of(), applied);
    }

    private String work(String name) {
        worked.add(name);
        return name;
    }
}
