// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.app.settings.WindowPlacement;
import dev.dbtrescue.app.settings.WindowSettings;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The desktop window. Opens on {@code --project DIR} (with {@code --state DIR}), on the bundled demo with
 * {@code --demo=true}, or on the open-project panel, which offers the demo on first start.
 */
public final class LineageApp extends Application {

    /** The window's size when no layout was saved (shrunk to the screen). */
    static final double WIDTH = 1440;

    static final double HEIGHT = 900;

    private final AppFolders folders = AppFolders.userDefault();
    private @Nullable SettingsStore settings;
    private @Nullable AppContext context;
    private @Nullable WindowSettings window;

    /** On the launcher thread, before the window: reads the settings, so the FX thread does no file I/O for them. */
    @Override
    public void init() {
        settings = SettingsStore.load(folders);
    }

    @Override
    public void start(Stage stage) {
        SettingsStore store = settings != null ? settings : SettingsStore.inMemory();
        AppContext created = AppContext.create(folders, Platform::runLater, store, SshSettings.defaults());
        context = created;
        MainViewModel main = created.main();
        var view = new MainView(main, created.executors().raster());
        WindowSettings.connectTheme(view.darkThemeProperty(), created.settings());
        var layout = new WindowSettings(stage, view.splitPanes());
        WindowPlacement place = layout.restore(created.settings().savedLayout(), WIDTH, HEIGHT);
        window = layout;
        var scene = new Scene(view, place.width(), place.height());
        scene.getStylesheets().add(WindowSettings.STYLESHEET);
        stage.titleProperty().bind(main.titleProperty());
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            event.consume(); // the window decides: it asks first while a run is under way
            view.requestClose(stage::close);
        });
        stage.show();

        Map<String, String> named = getParameters().getNamed();
        Optional<Path> state = Optional.ofNullable(named.get("state")).map(Path::of);
        String project = named.get("project");
        if (project != null) {
            main.open().openFolder(Path.of(project), state);
        } else if (Boolean.parseBoolean(named.get("demo"))) {
            main.open().openDemo();
        } else {
            created.startWarmUp(); // the user is choosing a project: compile the opening code meanwhile
        }
    }

    /** Saves the window's layout (written by the settings' own thread) and stops the background work. */
    @Override
    public void stop() {
        AppContext current = context;
        WindowSettings layout = window;
        if (current != null && layout != null) {
            current.settings().saveLayout(layout.capture());
        }
        if (current != null) {
            current.close();
        }
    }
}
