// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the window was and how its panes were divided when it closed.
 *
 * @param x the left edge of the window when not maximized, in screen coordinates
 * @param y the top edge when not maximized
 * @param width the width of the window's content (its scene) when not maximized (positive)
 * @param height the height of the window's content when not maximized (positive)
 * @param maximized true when the window was maximized
 * @param dividers the divider positions (0 to 1) of each split pane, by the pane's name
 */
public record WindowLayout(
        double x, double y, double width, double height, boolean maximized, Map<String, List<Double>> dividers) {

    public WindowLayout {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a window needs a finite position and a positive size, was " + x + ","
                    + y + " " + width + "x" + height);
        }
        var copy = new LinkedHashMap<String, List<Double>>();
        dividers.forEach((name, positions) -> copy.put(name, List.copyOf(positions)));
        dividers = Collections.unmodifiableMap(copy);
    }
}
