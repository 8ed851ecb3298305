// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.settings.SavedHost;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.app.settings.Theme;
import dev.dbtrescue.app.settings.WindowLayout;
import dev.dbtrescue.app.settings.WindowPlacement;
import dev.dbtrescue.app.settings.WindowSettings;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's remembered settings, headless: the theme switched from the View menu, the ssh config's hosts in the
 * run panel (a temporary ssh folder, never the real {@code ~/.ssh}), and the layout put back as saved.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {

    @TempDir
    Path home;

    private @Nullable String stylesheetBefore;
    private SettingsStore store;
    private AppContext context;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stylesheetBefore = Application.getUserAgentStylesheet();
        Path ssh = Files.createDirectories(home.resolve("ssh"));
        Files.writeString(
                ssh.resolve("config"), "Host warehouse-gw\n  HostName 10.0.0.5\nHost *.internal\nHost build\n");
        AppFolders folders = AppFolders.under(home.resolve("app"));
        store = SettingsStore.load(folders);
        store.update(s -> s.withHost(new SavedHost("ci@build:2222", "/srv/shop", "/srv/venv/bin/dbt")));
        context = AppContext.create(folders, Platform::runLater, store, SshSettings.inDirectory(ssh));
        view = new MainView(context.main(), context.executors().raster());
        WindowSettings.connectTheme(view.darkThemeProperty(), context.settings());
        var scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(WindowSettings.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
        Platform.runLater(() -> Application.setUserAgentStylesheet(stylesheetBefore));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theViewMenuSwitchesTheThemeLiveAndTheChoiceIsSaved(FxRobot robot) throws Exception {
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());

        robot.clickOn("View").clickOn("#menu-dark-theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        store.flush();
        assertEquals(
                Theme.DARK,
                SettingsStore.load(store.file().orElseThrow()).current().theme());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(Theme.LIGHT, store.current().theme());
    }

    @Test
    void theRunPanelOffersTheSshConfigsHostsAndASavedHostFillsItsFolderAndDbt(FxRobot robot) throws Exception {
        robot.clickOn("#open-demo");
        waitFor(() -> context.main().sessionProperty().get() != null
                && !context.main().openPanelShownProperty().get());
        robot.clickOn("#run-tab");
        @SuppressWarnings("unchecked")
        ComboBox<String> hosts = robot.lookup("#run-host").queryAs(ComboBox.class);

        robot.clickOn(robot.lookup("#run-host .arrow-button").queryParent());
        waitFor(() -> hosts.getItems().contains("build"));
        assertEquals(List.of("local", "ci@build:2222", "warehouse-gw", "build"), hosts.getItems());

        robot.clickOn("ci@build:2222");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ci@build:2222", hosts.getEditor().getText());
        assertEquals(
                "/srv/shop",
                robot.lookup("#run-remote-dir").queryAs(TextField.class).getText());
        assertEquals(
                "/srv/venv/bin/dbt",
                robot.lookup("#run-dbt").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#run-forget-host").query().isVisible());

        robot.clickOn("#run-forget-host");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("local", "warehouse-gw", "build"), hosts.getItems());
        assertEquals(List.of(), store.current().hosts());
        assertEquals("ci@build:2222", hosts.getEditor().getText(), "the host stays chosen, only no longer saved");
        assertEquals(
                "ci@build:2222", context.main().rescue().run().hostProperty().get());
    }

    @Test
    void theSavedLayoutIsPutBackAndReadAgainWhenTheWindowCloses(FxRobot robot) throws Exception {
        var saved = new WindowLayout(
                100, 50, 1200, 800, false, Map.of("workspace", List.of(0.25, 0.7), "middle", List.of(0.55)));
        Stage other = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        MainView reopened = WaitForAsyncUtils.asyncFx(
                        () -> new MainView(context.main(), context.executors().raster()))
                .get();
        var window = new WindowSettings(other, reopened.splitPanes());

        robot.interact(() -> {
            WindowPlacement place = window.restore(Optional.of(saved), 1440, 900);
            other.setScene(new Scene(reopened, place.width(), place.height()));
            other.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(100, other.getX());
        assertEquals(50, other.getY());
        assertEquals(1200, other.getWidth());
        assertEquals(800, other.getHeight());
        SplitPane workspace = reopened.splitPanes().get("workspace");
        assertEquals(List.of(0.25, 0.7), rounded(workspace));
        assertEquals(List.of(0.55), rounded(reopened.splitPanes().get("middle")));

        robot.interact(() -> {
            other.setX(140);
            workspace.setDividerPositions(0.3, 0.72);
        });
        WindowLayout captured = window.capture();
        robot.interact(other::close);

        assertEquals(140, captured.x());
        assertEquals(1200, captured.width());
        assertEquals(
                List.of(0.3, 0.72),
                captured.dividers().get("workspace").stream()
                        .map(p -> Math.round(p * 100) / 100.0)
                        .toList());
    }

    private static List<Double> rounded(SplitPane split) {
        return split.getDividers().stream()
                .map(d -> Math.round(d.getPosition() * 100) / 100.0)
                .toList();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
