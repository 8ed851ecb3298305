// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.report.IncidentPicture.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the review picture routes its edges: long edges run level through the columns they cross. */
class IncidentPictureTest {

    @Test
    void aLongEdgeBendsOnlyInTheGapsBetweenColumns() {
        double[] route = {0, 0, 100, 50, 200, 80, 300, 80};

        double[] held = IncidentPicture.heldAcrossColumns(route, 40);

        assertArrayEquals(new double[] {0, 0, 80, 50, 120, 50, 180, 80, 220, 80, 300, 80}, held);
        assertArrayEquals(
                new double[] {0, 0, 10, 10}, IncidentPicture.heldAcrossColumns(new double[] {0, 0, 10, 10}, 40));
    }

    /**
     * Every piece of every drawn edge stays out of the boxes that are not its ends. A level piece is a straight line;
     * a piece between two heights is an S-curve whose control points lie inside the box spanned by its ends, so it is
     * out of a box when that span is.
     */
    @Test
    void noEdgeOfTheWholeDemoPictureEntersAForeignBox() throws Exception {
        IncidentPicture picture = PngPictureTest.wholeDemo();
        assertTrue(picture.lines().stream().anyMatch(l -> l.length > 4), "the demo has long edges");

        List<String> entered = new ArrayList<>();
        for (double[] line : picture.lines()) {
            for (int k = 2; k < line.length; k += 2) {
                double x0 = Math.min(line[k - 2], line[k]);
                double x1 = Math.max(line[k - 2], line[k]);
                double y0 = Math.min(line[k - 1], line[k + 1]);
                double y1 = Math.max(line[k - 1], line[k + 1]);
                for (Box box : picture.boxes()) {
                    boolean inside = x0 < box.x() + box.w() - 0.5
                            && x1 > box.x() + 0.5
                            && y0 < box.y() + box.h() - 0.5
                            && y1 > box.y() + 0.5;
                    if (inside) {
                        entered.add(box.label() + " by the piece " + line[k - 2] + "," + line[k - 1] + " → " + line[k]
                                + "," + line[k + 1]);
                    }
                }
            }
        }
        assertEquals(List.of(), entered);
    }
}
