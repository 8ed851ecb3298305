// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.report.ExportViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The export menu's PNG resolution and the status line that says what an export wrote or why it failed. */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {

    @TempDir
    Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppFolders.under(home), Platform::runLater);
        stage.setScene(
                new Scene(new MainView(context.main(), context.executors().raster()), 1400, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theChosenResolutionScalesThePngAndTheStatusLineSaysWhereItWent(FxRobot robot) throws Exception {
        robot.clickOn("#open-demo");
        waitFor(() -> context.main().sessionProperty().get() != null);
        ExportViewModel export = context.main().rescue().export();

        Path small = home.resolve("small.png");
        chooseScale(robot, 1);
        assertEquals(1, export.pngScaleProperty().get());
        writePng(robot, export, small);
        Path large = home.resolve("large.png");
        chooseScale(robot, 4);
        assertEquals(4, export.pngScaleProperty().get());
        writePng(robot, export, large);

        BufferedImage one = ImageIO.read(small.toFile());
        BufferedImage four = ImageIO.read(large.toFile());
        assertEquals(4.0, (double) four.getWidth() / one.getWidth(), 0.05);
        String status = robot.lookup("#export-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Wrote the png export") && status.endsWith(large.toString()), status);

        Path blocked = Files.writeString(home.resolve("a-file"), "not a folder");
        robot.interact(() -> export.export(ExportViewModel.Kind.SVG, blocked.resolve("incident.svg")));
        waitFor(() -> robot.lookup("#export-status")
                .queryAs(Label.class)
                .getText()
                .startsWith("Export failed: Could not write " + blocked.resolve("incident.svg")));
    }

    /** Fires the menu item as a click would (Monocle's menu popups cannot be clicked through reliably). */
    private static void chooseScale(FxRobot robot, int scale) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream()
                .flatMap(menu -> items(menu).stream())
                .filter(i -> ("menu-png-scale-" + scale).equals(i.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(item::fire);
    }

    private static List<MenuItem> items(Menu menu) {
        List<MenuItem> all = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            all.add(item);
            if (item instanceof Menu sub) {
                all.addAll(items(sub));
            }
        }
        return all;
    }

    private static void writePng(FxRobot robot, ExportViewModel export, Path file) throws Exception {
        var written = WaitForAsyncUtils.asyncFx(() -> export.export(ExportViewModel.Kind.PNG, file))
                .get()
                .get(60, TimeUnit.SECONDS);
        assertTrue(written, export.errorProperty().get());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
