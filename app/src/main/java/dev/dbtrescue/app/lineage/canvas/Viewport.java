// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * The world-to-screen transform: {@code screen = (world - origin) * scale}. Mutable and confined to the FX thread.
 */
final class Viewport {

    static final double MAX_SCALE = 4;

    private double scale = 1;
    private double originX;
    private double originY;
    private double width;
    private double height;

    double scale() {
        return scale;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    void resize(double newWidth, double newHeight) {
        // keep the world point at the centre where it was
        double cx = toWorldX(width / 2), cy = toWorldY(height / 2);
        width = newWidth;
        height = newHeight;
        centreOn(cx, cy);
    }

    double toScreenX(double worldX) {
        return (worldX - originX) * scale;
    }

    double toScreenY(double worldY) {
        return (worldY - originY) * scale;
    }

    double toWorldX(double screenX) {
        return originX + screenX / scale;
    }

    double toWorldY(double screenY) {
        return originY + screenY / scale;
    }

    /** Scale at which the whole world fits with {@code padding} screen pixels around it. */
    double fitScale(double worldWidth, double worldHeight, double padding) {
        double sx = (width - 2 * padding) / Math.max(worldWidth, 1e-9);
        double sy = (height - 2 * padding) / Math.max(worldHeight, 1e-9);
        double fit = Math.min(sx, sy);
        return fit > 0 && Double.isFinite(fit) ? Math.min(fit, MAX_SCALE) : 1;
    }

    void fit(double worldWidth, double worldHeight, double padding) {
        scale = fitScale(worldWidth, worldHeight, padding);
        centreOn(worldWidth / 2, worldHeight / 2);
    }

    void centreOn(double worldX, double worldY) {
        originX = worldX - width / 2 / scale;
        originY = worldY - height / 2 / scale;
    }

    /** Multiplies the scale by {@code factor}, clamped to {@code [minScale, MAX_SCALE]}, keeping the point fixed. */
    void zoomAround(double factor, double screenX, double screenY, double minScale) {
        double wx = toWorldX(screenX), wy = toWorldY(screenY);
        scale = Math.clamp(scale * factor, Math.min(minScale, MAX_SCALE), MAX_SCALE);
        originX = wx - screenX / scale;
        originY = wy - screenY / scale;
    }

    void setScale(double newScale) {
        double cx = toWorldX(width / 2), cy = toWorldY(height / 2);
        scale = Math.min(newScale, MAX_SCALE);
        centreOn(cx, cy);
    }

    void panBy(double screenDx, double screenDy) {
        originX -= screenDx / scale;
        originY -= screenDy / scale;
    }
}
