// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The application as launched by {@code dbt-rescue --project DIR}: it opens the project and draws its lineage. */
@ExtendWith(ApplicationExtension.class)
class LineageAppTest {

    @TempDir
    static Path project;

    @Test
    void opensTheProjectGivenOnTheCommandLine(FxRobot robot) throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(LineageApp.class, "--project=" + project);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#lineage-status")
                        .tryQueryAs(Label.class)
                        .map(l -> l.getText().contains("items drawn"))
                        .orElse(false));
        String title =
                ((Stage) robot.lookup("#lineage-status").query().getScene().getWindow()).getTitle();
        assertTrue(title.startsWith("dbt-rescue — rescue_shop"), title);
        FxToolkit.cleanupApplication(app);
    }
}
