// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The desktop shell, headless: it opens and summarises the project it was started on. */
@ExtendWith(ApplicationExtension.class)
class LineageAppTest {

    @TempDir
    static Path project;

    @Test
    void opensOnAProjectAndSummarisesItsFailures(FxRobot robot) throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(LineageApp.class, "--project=" + project);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#project-summary")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("rescue_shop"));
        String summary = robot.lookup("#project-summary").queryAs(Label.class).getText();
        var loaded = dev.dbtrescue.graph.status.LoadedProject.of(
                new dev.dbtrescue.graph.manifest.ArtifactLoader().loadProject(project), java.time.Instant.now());
        int failures = new dev.dbtrescue.graph.status.FailureAnalyzer()
                .analyze(loaded.status())
                .failures()
                .size();
        assertEquals("rescue_shop: " + loaded.graph().size() + " resources, " + failures + " failures", summary);
        assertEquals(
                "dbt-rescue",
                ((Stage) robot.lookup("#app-title").query().getScene().getWindow()).getTitle());
        FxToolkit.cleanupApplication(app);
    }
}
