// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the saved theme and layout on the window and reads the layout back when it closes. The window's place and the
 * size of its content while not maximized are followed as they change, so a window closed maximized opens maximized
 * and, once restored, goes back to where it was. The content's size is kept rather than the window's, because it is
 * what a new window is made with ({@code new Scene(root, width, height)}): setting a window's own size would fix it
 * for every scene it shows later.
 */
public final class WindowSettings {

    /** The app's own rules on top of the theme (text classes, panes that keep a light background). */
    public static final String STYLESHEET = stylesheet();

    private final Stage stage;
    private final Map<String, SplitPane> splits;
    private double normalX;
    private double normalY;
    private double normalWidth;
    private double normalHeight;
    /** The saved dividers, while a window opened maximized may still be growing to the screen's size. */
    private Map<String, List<Double>> maximizedDividers = Map.of();

    /**
     * @param stage the main window
     * @param splits the window's split panes by name, whose divider positions are remembered
     */
    public WindowSettings(Stage stage, Map<String, SplitPane> splits) {
        this.stage = stage;
        this.splits = new LinkedHashMap<>(splits);
        stage.xProperty().addListener((o, a, b) -> follow());
        stage.yProperty().addListener((o, a, b) -> follow());
        stage.widthProperty().addListener((o, a, b) -> {
            if (stage.isShowing() && stage.isMaximized()) {
                setDividers(maximizedDividers);
            }
        });
        stage.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.widthProperty().addListener((o, a, b) -> follow());
                scene.heightProperty().addListener((o, a, b) -> follow());
            }
        });
        stage.maximizedProperty().addListener((o, was, now) -> {
            if (!now) {
                maximizedDividers = Map.of(); // the user restored the window: the dividers are theirs now
            }
        });
    }

    /** Uses AtlantaFX's Primer Dark or Primer Light for every window. Call it on the FX thread. */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * Applies the saved theme now, keeps a theme switch (a menu item's check mark) and the settings in step, and
     * switches the theme live when either changes.
     */
    public static void connectTheme(BooleanProperty themeSwitch, SettingsViewModel settings) {
        applyTheme(settings.darkThemeProperty().get());
        themeSwitch.bindBidirectional(settings.darkThemeProperty());
        settings.darkThemeProperty().addListener((obs, was, dark) -> applyTheme(dark));
    }

    /**
     * Places the window as saved (fitted to today's screens; centred on the primary screen when the saved place is on
     * none of them, or nothing was saved), maximizes it if it was, and sets the saved divider positions. Call before
     * showing it, and give its scene the returned size: once shown, a pane that does not resize with the window keeps
     * its width in pixels.
     *
     * @param defaultWidth the content's width when nothing was saved
     * @param defaultHeight the content's height when nothing was saved
     * @return where the window goes, with the size its content (its scene) is to have
     */
    public WindowPlacement restore(Optional<WindowLayout> saved, double defaultWidth, double defaultHeight) {
        List<WindowPlacement.Area> screens = new ArrayList<>();
        screens.add(area(Screen.getPrimary().getVisualBounds()));
        Screen.getScreens().stream()
                .filter(s -> !s.equals(Screen.getPrimary()))
                .forEach(s -> screens.add(area(s.getVisualBounds())));
        WindowPlacement place = WindowPlacement.of(saved, screens, defaultWidth, defaultHeight);
        stage.setX(place.x());
        stage.setY(place.y());
        normalX = place.x();
        normalY = place.y();
        normalWidth = place.width();
        normalHeight = place.height();
        stage.setMaximized(place.maximized());
        Map<String, List<Double>> dividers = saved.map(WindowLayout::dividers).orElse(Map.of());
        setDividers(dividers);
        if (!stage.isShowing() && !dividers.isEmpty()) {
            // a window is laid out once at its scene's preferred size while it opens: the fractions are set again
            // when it has its own
            EventHandler<WindowEvent> shown = new EventHandler<>() {
                @Override
                public void handle(WindowEvent event) {
                    stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    Platform.runLater(() -> setDividers(dividers));
                }
            };
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown);
        }
        // Some systems lay a window out at its normal size first and maximize it after it shows; a side pane keeps
        // its width in pixels when the window grows, so the saved positions are set again at the screen's width.
        maximizedDividers = place.maximized() ? dividers : Map.of();
        return place;
    }

    private void setDividers(Map<String, List<Double>> dividers) {
        dividers.forEach((name, positions) -> {
            SplitPane split = splits.get(name);
            if (split != null && positions.size() == split.getDividers().size()) {
                split.setDividerPositions(
                        positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
    }

    /** The window's layout now: its place and its content's size when not maximized, and every divider position. */
    public WindowLayout capture() {
        Map<String, List<Double>> dividers = new LinkedHashMap<>();
        splits.forEach((name, split) -> dividers.put(
                name,
                split.getDividers().stream()
                        .map(d -> Math.max(0, Math.min(1, d.getPosition())))
                        .toList()));
        Scene scene = stage.getScene();
        double width = normalWidth > 0 ? normalWidth : scene != null ? scene.getWidth() : stage.getWidth();
        double height = normalHeight > 0 ? normalHeight : scene != null ? scene.getHeight() : stage.getHeight();
        return new WindowLayout(normalX, normalY, width, height, stage.isMaximized(), dividers);
    }

    private void follow() {
        if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
            return;
        }
        if (Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
            normalX = stage.getX();
            normalY = stage.getY();
        }
        Scene scene = stage.getScene();
        if (scene != null && scene.getWidth() > 0 && scene.getHeight() > 0) {
            normalWidth = scene.getWidth();
            normalHeight = scene.getHeight();
        }
    }

    private static WindowPlacement.Area area(Rectangle2D bounds) {
        return new WindowPlacement.Area(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    private static String stylesheet() {
        URL url = Objects.requireNonNull(
                WindowSettings.class.getResource("dbt-rescue.css"), "dbt-rescue.css is missing from the app");
        return url.toExternalForm();
    }
}
