// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.app.settings.WindowPlacement.Area;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the window opens, on a 1920x1080 primary screen with a 1280x1024 screen to its right. */
class WindowPlacementTest {

    private static final Area PRIMARY = new Area(0, 0, 1920, 1040);
    private static final Area RIGHT = new Area(1920, 0, 1280, 1024);
    private static final List<Area> SCREENS = List.of(PRIMARY, RIGHT);

    private static Optional<WindowLayout> saved(double x, double y, double width, double height, boolean maximized) {
        return Optional.of(new WindowLayout(x, y, width, height, maximized, Map.of()));
    }

    @Test
    void nothingSavedOpensTheDefaultSizeCentredOnThePrimaryScreen() {
        assertEquals(
                new WindowPlacement(240, 70, 1440, 900, false),
                WindowPlacement.of(Optional.empty(), SCREENS, 1440, 900));
    }

    @Test
    void aSavedPlaceOnAScreenIsKept() {
        assertEquals(
                new WindowPlacement(2000, 50, 1000, 700, true),
                WindowPlacement.of(saved(2000, 50, 1000, 700, true), SCREENS, 1440, 900));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneIsCentredOnThePrimaryScreen() {
        assertEquals(
                new WindowPlacement(460, 170, 1000, 700, false),
                WindowPlacement.of(saved(3400, 100, 1000, 700, false), SCREENS, 1440, 900));
    }

    @Test
    void aWindowWhoseTitleBarIsAboveEveryScreenIsCentred() {
        assertEquals(
                new WindowPlacement(460, 170, 1000, 700, false),
                WindowPlacement.of(saved(100, -690, 1000, 700, false), SCREENS, 1440, 900));
    }

    @Test
    void aWindowHangingOffTheEdgeIsMovedOntoItsScreen() {
        assertEquals(
                new WindowPlacement(920, 340, 1000, 700, false),
                WindowPlacement.of(saved(1500, 600, 1000, 700, false), List.of(PRIMARY), 1440, 900));
    }

    @Test
    void aWindowLargerThanItsScreenIsShrunkToIt() {
        assertEquals(
                new WindowPlacement(1920, 0, 1280, 1024, false),
                WindowPlacement.of(saved(1950, 10, 2560, 1400, false), SCREENS, 1440, 900));
    }

    @Test
    void theDefaultSizeIsShrunkToASmallScreen() {
        assertEquals(
                new WindowPlacement(0, 0, 1366, 728, false),
                WindowPlacement.of(Optional.empty(), List.of(new Area(0, 0, 1366, 728)), 1440, 900));
    }
}
