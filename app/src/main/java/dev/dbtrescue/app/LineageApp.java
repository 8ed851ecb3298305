// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop window. For now a shell: it loads the project given with {@code --project} in the background and
 * shows its summary; the lineage view, selection, planning and running screens build on it.
 */
public final class LineageApp extends Application {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dbt-rescue-load");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) {
        var title = new Label("dbt-rescue");
        title.setId("app-title");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        var summary = new Label("Start with --project DIR to open a dbt project.");
        summary.setId("project-summary");
        summary.setWrapText(true);

        var quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        var menus = new MenuBar(new Menu("File", null, quit));

        var root = new BorderPane(new VBox(12, title, summary));
        root.setTop(menus);
        BorderPane.setMargin(root.getCenter(), new Insets(16));
        stage.setTitle("dbt-rescue");
        stage.setScene(new Scene(root, 960, 640));
        stage.show();

        String project = getParameters().getNamed().get("project");
        if (project != null) {
            summary.setText("Loading " + project + " …");
            CompletableFuture.supplyAsync(() -> summarise(Path.of(project)), background)
                    .whenCompleteAsync(
                            (text, error) -> summary.setText(error == null ? text : message(error)),
                            Platform::runLater);
        }
    }

    private static String summarise(Path project) {
        try {
            LoadedProject loaded = LoadedProject.of(new ArtifactLoader().loadProject(project), Instant.now());
            int failures =
                    new FailureAnalyzer().analyze(loaded.status()).failures().size();
            return loaded.artifacts().manifest().projectName() + ": "
                    + loaded.graph().size() + " resources, " + failures + (failures == 1 ? " failure" : " failures");
        } catch (ArtifactException e) {
            throw new CompletionException(e);
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
