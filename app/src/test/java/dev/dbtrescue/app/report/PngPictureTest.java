// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.status.LoadedProject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A picture too large for one piece is drawn strip by strip, and must come out as the one-piece drawing would. */
class PngPictureTest {

    @TempDir
    Path dir;

    /** The whole demo's failed build as one picture (every node, tests left out as the report does). */
    static IncidentPicture wholeDemo() throws Exception {
        Path failed = Fixtures.demo("failed-build");
        var artifacts = new ArtifactLoader()
                .load(
                        failed.resolve("manifest.json"),
                        List.of(failed.resolve("run_results.json")),
                        List.of(failed.resolve("sources.json")));
        LoadedProject project = LoadedProject.of(artifacts, Instant.parse("2026-11-21T20:00:00Z"));
        return IncidentPicture.of(
                project.status(),
                project.graph().nodes().stream().map(n -> n.id()).toList(),
                "whole demo",
                List.of("a header line"));
    }

    @Test
    void stripsGiveTheSamePixelsAsOnePiece() throws Exception {
        IncidentPicture picture = wholeDemo();
        double scale = 1.5;
        BufferedImage whole = PngPicture.draw(picture, scale);
        assertTrue(whole.getHeight() > 2 * PngPicture.STRIP_ROWS, "the picture spans several strips");
        var strips = new StripImage(picture, scale, whole.getWidth(), whole.getHeight());
        assertEquals(whole.getHeight(), strips.getHeight());

        Raster rows = strips.getData(new Rectangle(0, 0, whole.getWidth(), whole.getHeight()));
        long different = 0;
        for (int y = 0; y < whole.getHeight(); y++) {
            for (int x = 0; x < whole.getWidth(); x++) {
                int expected = whole.getRGB(x, y) & 0xFFFFFF;
                int r = rows.getSample(x, y, 0);
                int g = rows.getSample(x, y, 1);
                int b = rows.getSample(x, y, 2);
                if (((r << 16) | (g << 8) | b) != expected) {
                    different++;
                }
            }
        }
        // Anti-aliased curves are flattened from a different origin in each strip, which moves a few edge pixels by a
        // shade; a strip drawn at a wrong offset would change most of the drawing.
        long total = (long) whole.getWidth() * whole.getHeight();
        assertTrue(different < total / 500, different + " of " + total + " pixels differ");
    }

    @Test
    void aPictureOverTheOnePieceLimitIsWrittenAsAValidPng() throws Exception {
        IncidentPicture picture = wholeDemo();
        double scale = 8;
        long pixels = (long) Math.ceil(picture.width() * scale) * (long) Math.ceil(picture.height() * scale);
        assertTrue(pixels > PngPicture.ONE_PIECE_PIXELS, "this case goes through the strips: " + pixels);
        Path file = dir.resolve("big.png");
        PngPicture.write(picture, scale, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(Math.ceil(picture.width() * scale), read.getWidth(), 0.001);
        assertEquals(Math.ceil(picture.height() * scale), read.getHeight(), 0.001);
        IncidentPicture.Box first = picture.boxes().get(0);
        int x = (int) ((first.x() + first.w() / 2) * scale);
        int y = (int) Math.round(first.y() * scale);
        assertEquals(
                first.status().argb() & 0xFFFFFF,
                read.getRGB(x, y) & 0xFFFFFF,
                "the top border of a box deep in the picture has its status colour");
    }
}
