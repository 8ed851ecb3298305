// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.runner.RunnerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dbt a local run starts: relative paths are the user's, from where dbt-rescue was started. */
class LocalExecutableTest {

    @TempDir
    Path cwd;

    @Test
    void aRelativePathIsTakenFromTheStartingFolderNotTheProject() throws Exception {
        Path dbt = Files.createDirectories(cwd.resolve(".venv/bin")).resolve("dbt");
        Files.writeString(dbt, "#!/bin/sh\n");

        assertEquals(Optional.of(dbt.toString()), LocalExecutor.resolved(Optional.of(".venv/bin/dbt"), cwd));
        assertEquals(Optional.of(dbt.toString()), LocalExecutor.resolved(Optional.of("./.venv/bin/../bin/dbt"), cwd));
    }

    @Test
    void bareNamesAbsolutePathsAndNoneAreLeftAlone() throws Exception {
        assertEquals(Optional.of("dbt"), LocalExecutor.resolved(Optional.of("dbt"), cwd));
        assertEquals(Optional.of("/opt/dbt/bin/dbt"), LocalExecutor.resolved(Optional.of("/opt/dbt/bin/dbt"), cwd));
        assertEquals(Optional.empty(), LocalExecutor.resolved(Optional.empty(), cwd));
    }

    @Test
    void aRelativePathToNothingSaysWhereItLooked() {
        var e = assertThrows(RunnerException.class, () -> LocalExecutor.resolved(Optional.of("venv/bin/dbt"), cwd));

        assertEquals(RunnerException.Kind.DBT_MISSING, e.kind());
        assertTrue(e.getMessage().contains(cwd.resolve("venv/bin/dbt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Give the full path of dbt"), e.getMessage());
    }
}
