// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.List;
import java.util.Optional;

/**
 * Where the window opens: its saved place, moved and shrunk to fit the screen it was on, or centred on the primary
 * screen when it was on none of today's screens (a monitor unplugged since) or nothing was saved.
 *
 * @param x the left edge
 * @param y the top edge
 * @param width the width of the window's content
 * @param height the height of the window's content
 * @param maximized true to maximize it (on the screen it is placed on)
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /**
     * A rectangle on the screens, in screen coordinates.
     *
     * @param x the left edge
     * @param y the top edge
     * @param width the width
     * @param height the height
     */
    public record Area(double x, double y, double width, double height) {

        double maxX() {
            return x + width;
        }

        double maxY() {
            return y + height;
        }

        /** The area of the overlap with {@code other}, 0 when they do not overlap. */
        double overlap(Area other) {
            double w = Math.min(maxX(), other.maxX()) - Math.max(x, other.x);
            double h = Math.min(maxY(), other.maxY()) - Math.max(y, other.y);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    /** How much of the window's top strip (its title bar) must be on a screen for the saved place to be kept. */
    static final double MIN_VISIBLE_TITLE = 80 * 20;

    /** The title bar's height assumed when checking that the window can be grabbed. */
    static final double TITLE_HEIGHT = 20;

    /**
     * @param saved the layout saved at the last close, if any
     * @param screens the usable bounds of every screen (without task bars), the primary first; not empty
     * @param defaultWidth the width when nothing was saved (shrunk to the primary screen)
     * @param defaultHeight the height when nothing was saved
     */
    public static WindowPlacement of(
            Optional<WindowLayout> saved, List<Area> screens, double defaultWidth, double defaultHeight) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("there is no screen to place the window on");
        }
        Area primary = screens.getFirst();
        if (saved.isEmpty()) {
            return centred(primary, defaultWidth, defaultHeight, false);
        }
        WindowLayout layout = saved.get();
        Area window = new Area(layout.x(), layout.y(), layout.width(), layout.height());
        Area title = new Area(layout.x(), layout.y(), layout.width(), TITLE_HEIGHT);
        Area best = null;
        double bestOverlap = 0;
        for (Area screen : screens) {
            double overlap = screen.overlap(window);
            if (overlap > bestOverlap && screen.overlap(title) >= Math.min(MIN_VISIBLE_TITLE, title.width() * 10)) {
                best = screen;
                bestOverlap = overlap;
            }
        }
        if (best == null) {
            return centred(primary, layout.width(), layout.height(), layout.maximized());
        }
        double width = Math.min(layout.width(), best.width());
        double height = Math.min(layout.height(), best.height());
        double x = Math.max(best.x(), Math.min(layout.x(), best.maxX() - width));
        double y = Math.max(best.y(), Math.min(layout.y(), best.maxY() - height));
        return new WindowPlacement(x, y, width, height, layout.maximized());
    }

    private static WindowPlacement centred(Area screen, double width, double height, boolean maximized) {
        double w = Math.min(width, screen.width());
        double h = Math.min(height, screen.height());
        return new WindowPlacement(
                screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2, w, h, maximized);
    }
}
