// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.project.AppFolders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The desktop window. Opens on {@code --project DIR} (with {@code --state DIR}), on the bundled demo with
 * {@code --demo=true}, or on the open-project panel, which offers the demo on first start.
 */
public final class LineageApp extends Application {

    private @Nullable AppContext context;

    @Override
    public void start(Stage stage) {
        AppContext created = AppContext.create(AppFolders.userDefault(), Platform::runLater);
        context = created;
        MainViewModel main = created.main();
        var view = new MainView(main, created.executors().raster());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
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
        }
    }

    @Override
    public void stop() {
        AppContext current = context;
        if (current != null) {
            current.close();
        }
    }
}
