// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.status.BlastRadius;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-line summaries, on hand-made values. */
class DetailTextsTest {

    private LineageGraph graph;

    @BeforeEach
    void setUp() throws Exception {
        graph = TestSessions.failedBuild().project().graph();
    }

    @Test
    void blastRadiusUsesSingularsAndSkipsZeroCounts() {
        assertEquals(
                "1 model, 1 snapshot downstream",
                DetailTexts.blastRadius(new BlastRadius(1, 1, 0, List.of()), true, graph));
    }

    @Test
    void blastRadiusNamesExposuresByName() {
        NodeId kpis = NodeId.of("exposure.rescue_shop.exec_weekly_kpis_email");

        assertEquals(
                "2 models, 3 seeds downstream · 1 exposure: exec_weekly_kpis_email",
                DetailTexts.blastRadius(new BlastRadius(2, 0, 3, List.of(kpis)), false, graph));
    }

    @Test
    void blastRadiusOfAFailureWithNothingDownstreamSaysSo() {
        assertEquals("nothing downstream", DetailTexts.blastRadius(BlastRadius.NONE, true, graph));
    }

    @Test
    void blastRadiusOfAHealthyLeafIsEmptySoTheSectionHides() {
        assertEquals("", DetailTexts.blastRadius(BlastRadius.NONE, false, graph));
    }

    @Test
    void blastRadiusFlagsAMajorIncident() {
        assertEquals(
                "51 models downstream · major incident (over 50 downstream)",
                DetailTexts.blastRadius(new BlastRadius(51, 0, 0, List.of()), true, graph));
    }

    @Test
    void freshnessCriteriaReadsBothThresholds() throws Exception {
        var freshness = new ObjectMapper().readTree("""
                {"warn_after": {"count": 1, "period": "hour"}, "error_after": {"count": 2, "period": "day"}}""");

        assertEquals("warn after 1 hour, error after 2 days", DetailTexts.freshnessCriteria(freshness));
    }

    @Test
    void freshnessCriteriaOfAnUnconfiguredSourceIsEmpty() throws Exception {
        assertEquals("", DetailTexts.freshnessCriteria(new ObjectMapper().readTree("null")));
    }
}
