// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.graph.status.NodeState;
import java.util.List;

/**
 * Everything the detail pane shows about one node, formatted for display. Empty strings and lists mean "this section
 * does not apply", so the view hides it. The modified reason and the SQL are not here: they are computed off the FX
 * thread on demand.
 *
 * @param uniqueId the unique_id, for copying
 * @param title the node's name
 * @param subtitle its label (type and full name) and unique_id
 * @param status its state, for the view to pick a colour or glyph
 * @param statusText the state with its age, e.g. {@code error · 3h 12m ago}
 * @param errorClass the runbook class of its failure
 * @param advice the usual first move for that class
 * @param firstLine the first meaningful line of the error (or why it was skipped)
 * @param message the whole message, ANSI-free
 * @param messageLong true when the message is long enough to start collapsed
 * @param executionTime how long its last run took
 * @param materialization for models, seeds and snapshots
 * @param path the original file path
 * @param tags comma-separated tags
 * @param owner the owner from meta or the exposure
 * @param meta the node's meta as {@code key: value} lines
 * @param description its description
 * @param columns the documented column names
 * @param blastRadius what is downstream of it, as one line
 * @param blastExposures the downstream exposures
 * @param skipped the nodes its failure skipped
 * @param testsSummary the tests attached to it with their outcomes
 * @param tests those tests, one row each
 * @param facts the type-specific rows (freshness of sources, exposure type and URL, a test's tested node, ...)
 * @param neighbours its parents and (non-test) children
 * @param upstreamCount how many nodes it depends on, transitively
 * @param downstreamCount how many nodes depend on it, transitively
 * @param lineage both counts as one line
 * @param sqlAvailable true when the manifest holds SQL for it
 */
public record DetailContent(
        String uniqueId,
        String title,
        String subtitle,
        NodeState status,
        String statusText,
        String errorClass,
        String advice,
        String firstLine,
        String message,
        boolean messageLong,
        String executionTime,
        String materialization,
        String path,
        String tags,
        String owner,
        List<String> meta,
        String description,
        List<String> columns,
        String blastRadius,
        List<LinkedNode> blastExposures,
        List<LinkedNode> skipped,
        String testsSummary,
        List<LinkedNode> tests,
        List<DetailRow> facts,
        List<LinkedNode> neighbours,
        int upstreamCount,
        int downstreamCount,
        String lineage,
        boolean sqlAvailable) {

    /** Nothing shown. */
    public static final DetailContent EMPTY = new DetailContent(
            "",
            "",
            "",
            NodeState.NOT_RUN,
            "",
            "",
            "",
            "",
            "",
            false,
            "",
            "",
            "",
            "",
            "",
            List.of(),
            "",
            List.of(),
            "",
            List.of(),
            List.of(),
            "",
            List.of(),
            List.of(),
            List.of(),
            0,
            0,
            "",
            false);

    public DetailContent {
        meta = List.copyOf(meta);
        columns = List.copyOf(columns);
        blastExposures = List.copyOf(blastExposures);
        skipped = List.copyOf(skipped);
        tests = List.copyOf(tests);
        facts = List.copyOf(facts);
        neighbours = List.copyOf(neighbours);
    }
}
