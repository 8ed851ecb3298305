// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.lineage.canvas.LineageCanvas;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Writes the window as a PNG into {@code target/screenshots}: the README's pictures (copied to docs/images). */
final class Screenshots {

    private Screenshots() {}

    /** Waits for the FX thread and the lineage's edge raster, then writes {@code target/screenshots/NAME.png}. */
    static Path write(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400); // let the edge raster land
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /**
     * Zooms the lineage to where it draws names and badges (a node 19 px high), with {@code item} near the left edge
     * and its downstream to the right of it.
     */
    static void leftAligned(FxRobot robot, LineageCanvas canvas, int item) {
        robot.interact(() -> {
            canvas.centerOn(item); // zooms to 24 px per node
            // zooming by 0.8 around x = -1.5 w moves the centre (w / 2) to w / 10
            canvas.zoomBy(0.8, -1.5 * canvas.getWidth(), canvas.getHeight() / 2);
        });
    }
}
