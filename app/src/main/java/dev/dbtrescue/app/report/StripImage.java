// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;
import org.jspecify.annotations.Nullable;

/**
 * A picture too large to hold as one image, seen by the PNG encoder as an image of horizontal strips: each strip is
 * drawn when the encoder asks for its rows and dropped when it moves on, so memory stays at one strip (a few MB)
 * whatever the height. The encoder reads rows top to bottom, so each strip is drawn once.
 */
final class StripImage implements RenderedImage {

    private final IncidentPicture picture;
    private final double scale;
    private final int width;
    private final int height;
    private final ColorModel colours;
    private final SampleModel samples;
    private int stripTop = -1;
    private @Nullable BufferedImage strip;

    StripImage(IncidentPicture picture, double scale, int width, int height) {
        this.picture = picture;
        this.scale = scale;
        this.width = width;
        this.height = height;
        BufferedImage model = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        this.colours = model.getColorModel();
        this.samples = model.getSampleModel().createCompatibleSampleModel(width, PngPicture.STRIP_ROWS);
    }

    /** The strip holding {@code row}, drawn if it is not the current one. */
    private BufferedImage stripOf(int row) {
        int top = row / PngPicture.STRIP_ROWS * PngPicture.STRIP_ROWS;
        if (strip == null || top != stripTop) {
            int rows = Math.min(PngPicture.STRIP_ROWS, height - top);
            strip = PngPicture.drawRows(picture, scale, width, top, rows);
            stripTop = top;
        }
        return strip;
    }

    @Override
    public Raster getData(Rectangle rect) {
        Rectangle r = rect.intersection(new Rectangle(0, 0, width, height));
        WritableRaster out = colours.createCompatibleWritableRaster(Math.max(1, r.width), Math.max(1, r.height))
                .createWritableTranslatedChild(r.x, r.y);
        copyRows(out, r);
        return out;
    }

    @Override
    public WritableRaster copyData(@Nullable WritableRaster raster) {
        WritableRaster out = raster != null ? raster : colours.createCompatibleWritableRaster(width, height);
        copyRows(out, out.getBounds().intersection(new Rectangle(0, 0, width, height)));
        return out;
    }

    private void copyRows(WritableRaster out, Rectangle r) {
        int row = r.y;
        int[] pixels = new int[r.width * 3];
        while (row < r.y + r.height) {
            BufferedImage s = stripOf(row);
            int end = Math.min(r.y + r.height, stripTop + s.getHeight());
            for (; row < end; row++) {
                s.getRaster().getPixels(r.x, row - stripTop, r.width, 1, pixels);
                out.setPixels(r.x, row, r.width, 1, pixels);
            }
        }
    }

    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, width, height));
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        int top = tileY * PngPicture.STRIP_ROWS;
        return getData(new Rectangle(0, top, width, Math.min(PngPicture.STRIP_ROWS, height - top)));
    }

    @Override
    public @Nullable Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public @Nullable Object getProperty(String name) {
        return java.awt.Image.UndefinedProperty;
    }

    @Override
    public String @Nullable [] getPropertyNames() {
        return null;
    }

    @Override
    public ColorModel getColorModel() {
        return colours;
    }

    @Override
    public SampleModel getSampleModel() {
        return samples;
    }

    @Override
    public int getWidth() {
        return width;
    }

    @Override
    public int getHeight() {
        return height;
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return 1;
    }

    @Override
    public int getNumYTiles() {
        return (height + PngPicture.STRIP_ROWS - 1) / PngPicture.STRIP_ROWS;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return width;
    }

    @Override
    public int getTileHeight() {
        return PngPicture.STRIP_ROWS;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }
}
