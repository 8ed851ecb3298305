// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.app.project.AppFolders;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up at start: once per JVM, all its rounds when nobody opens a project, and off by a system property. */
class AppContextWarmUpTest {

    @TempDir
    Path tmp;

    @Test
    void warmUpRunsItsRoundsOncePerJvmUnlessTurnedOff() throws Exception {
        // nothing else in the test JVM starts a warm-up: LineageAppTest launches with a project, which skips it
        try (AppContext context = AppContext.create(AppFolders.under(tmp), Runnable::run)) {
            System.setProperty(AppContext.WARM_UP_PROPERTY, "false");
            try {
                assertEquals(0, context.startWarmUp().get(60, TimeUnit.SECONDS), "turned off");
            } finally {
                System.clearProperty(AppContext.WARM_UP_PROPERTY);
            }

            assertEquals(AppContext.WARM_UP_ROUNDS, context.startWarmUp().get(120, TimeUnit.SECONDS));
            assertEquals(0, context.startWarmUp().get(60, TimeUnit.SECONDS), "the JVM's code is compiled already");
        }
    }
}
