// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFitterTest {

    private static LabelFitter monospace() {
        var widths = new double[128];
        Arrays.fill(widths, 0.5);
        return new LabelFitter(widths, 0.5, 0.5);
    }

    @Test
    void labelThatFitsIsKeptAndALongerOneEndsInAnEllipsis() {
        var fitter = monospace(); // 5 px per character at size 10
        assertEquals(
                List.of("orders", "orde…", "", "orders"),
                List.of(
                        fitter.fit("orders", 10, 30),
                        fitter.fit("orders", 10, 25),
                        fitter.fit("orders", 10, 4),
                        fitter.fit("orders", 10, 100)));
    }
}
