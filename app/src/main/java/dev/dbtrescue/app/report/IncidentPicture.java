// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutOptions;
import dev.dbtrescue.graph.layout.LayoutResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The lineage of an incident laid out for a review document: boxes coloured and shaped by status, the edges between
 * them, a title block and the legend of the statuses shown. Coordinates are in points, origin top left. Pure (no
 * JavaFX, no drawing): {@link SvgPicture} and {@link PngPicture} draw it.
 *
 * @param title the first line (project and what is shown)
 * @param subtitle further header lines (run times, invocation ids)
 * @param boxes one per node shown
 * @param lines one per dependency between two shown nodes, as polyline points {@code x0,y0,x1,y1,...}
 * @param legend the statuses that occur, in legend order
 * @param width the picture's width
 * @param height the picture's height
 */
public record IncidentPicture(
        String title,
        List<String> subtitle,
        List<Box> boxes,
        List<double[]> lines,
        List<NodeStatus> legend,
        double width,
        double height) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Space around the drawing. */
    static final double MARGIN = 24;
    /** Height of one header line. */
    static final double LINE = 20;
    /** Height of the legend row. */
    static final double LEGEND = 36;

    private static final LayoutOptions LAYOUT = new LayoutOptions(200, 34, 70, 14, 12);
    private static final Set<NodeState> TESTS_SHOWN = EnumSet.of(NodeState.ERROR, NodeState.FAIL, NodeState.WARN);

    public IncidentPicture {
        Objects.requireNonNull(title, "title");
        subtitle = List.copyOf(subtitle);
        boxes = List.copyOf(boxes);
        lines = List.copyOf(lines);
        legend = List.copyOf(legend);
    }

    /**
     * One node's box.
     *
     * @param id the node
     * @param label the name shown
     * @param type its resource type
     * @param status how it is drawn
     * @param x left edge
     * @param y top edge
     * @param w width
     * @param h height
     */
    public record Box(
            NodeId id, String label, NodeType type, NodeStatus status, double x, double y, double w, double h) {
        public Box {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The picture's title for a project. */
    public static String title(LoadedProject loaded) {
        return "Incident lineage: " + loaded.artifacts().manifest().projectName();
    }

    /**
     * The picture's subtitle: one line per run results read (command, invocation, time), then what it shows and when
     * it was made.
     */
    public static List<String> subtitle(LoadedProject loaded, String shown, Instant at) {
        List<String> lines = new ArrayList<>();
        for (RunResults run : loaded.artifacts().runResults()) {
            lines.add("dbt " + run.command() + ", invocation " + run.invocationId()
                    + run.metadata()
                            .generatedAt()
                            .map(g -> ", " + WHEN.format(g))
                            .orElse(""));
        }
        lines.add("Shows " + shown + "; made " + WHEN.format(at));
        return lines;
    }

    /**
     * Lays out {@code nodes} of the project. Tests are left out unless they failed, errored or warned (the failing
     * test is part of the incident; the passing ones are noise in a review picture).
     *
     * @param status the project's status, which says each node's state
     * @param nodes the nodes to show; ids not in the graph are ignored
     * @param title the title line
     * @param subtitle the header lines under it
     */
    public static IncidentPicture of(
            ProjectStatus status, Collection<NodeId> nodes, String title, List<String> subtitle) {
        LineageGraph graph = status.graph();
        BitSet shown = new BitSet(graph.size());
        for (NodeId id : nodes) {
            if (graph.contains(id)) {
                int index = graph.indexOf(id);
                Node node = graph.nodeAt(index);
                if (node.type() != NodeType.TEST && node.type() != NodeType.UNIT_TEST
                        || TESTS_SHOWN.contains(status.stateOf(id))) {
                    shown.set(index);
                }
            }
        }
        int[] local = new int[graph.size()];
        int[] global = shown.stream().toArray();
        for (int i = 0; i < global.length; i++) {
            local[global[i]] = i;
        }
        List<Integer> sources = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < global.length; i++) {
            for (int parent : graph.parentIndices(global[i])) {
                if (shown.get(parent)) {
                    sources.add(local[parent]);
                    targets.add(i);
                }
            }
        }
        LayoutGraph layoutGraph = LayoutGraph.of(
                global.length,
                sources.stream().mapToInt(Integer::intValue).toArray(),
                targets.stream().mapToInt(Integer::intValue).toArray());
        LayoutResult layout = new LayeredLayout(LAYOUT).layout(layoutGraph);

        double left = MARGIN;
        double top = MARGIN + LINE * (1 + subtitle.size()) + MARGIN / 2;
        List<Box> boxes = new ArrayList<>();
        EnumSet<NodeStatus> used = EnumSet.noneOf(NodeStatus.class);
        for (int i = 0; i < global.length; i++) {
            Node node = graph.nodeAt(global[i]);
            NodeStatus drawn = NodeStatus.of(status.stateOf(node.id()));
            used.add(drawn);
            boxes.add(new Box(
                    node.id(),
                    node.displayName(),
                    node.type(),
                    drawn,
                    left + layout.x(i) - LAYOUT.nodeWidth() / 2,
                    top + layout.y(i) - LAYOUT.nodeHeight() / 2,
                    LAYOUT.nodeWidth(),
                    LAYOUT.nodeHeight()));
        }
        List<double[]> lines = new ArrayList<>();
        for (int e = 0; e < layoutGraph.edgeCount(); e++) {
            double[] points = heldAcrossColumns(layout.edgePoints(e), LAYOUT.nodeWidth());
            for (int k = 0; k < points.length; k += 2) {
                points[k] += left;
                points[k + 1] += top;
            }
            lines.add(points);
        }
        double width = Math.max(left + layout.width() + MARGIN, 560);
        double height = top + layout.height() + MARGIN / 2 + LEGEND + MARGIN / 2;
        return new IncidentPicture(title, subtitle, boxes, lines, List.copyOf(used), width, height);
    }

    /**
     * A long edge's route with each bend inside a column (x, y) replaced by a level piece from the column's left to
     * its right side, (x - w/2, y) to (x + w/2, y): the S-curves then stay in the gaps between columns, where no box
     * is, instead of bending at the column's centre through the neighbouring boxes (ADR 0010, option D).
     */
    static double[] heldAcrossColumns(double[] points, double columnWidth) {
        int interior = points.length / 2 - 2;
        if (interior <= 0) {
            return points;
        }
        double[] held = new double[points.length + 2 * interior];
        held[0] = points[0];
        held[1] = points[1];
        int out = 2;
        for (int k = 2; k < points.length - 2; k += 2) {
            held[out++] = points[k] - columnWidth / 2;
            held[out++] = points[k + 1];
            held[out++] = points[k] + columnWidth / 2;
            held[out++] = points[k + 1];
        }
        held[out++] = points[points.length - 2];
        held[out] = points[points.length - 1];
        return held;
    }

    /** The top of the legend row. */
    double legendTop() {
        return height - MARGIN / 2 - LEGEND;
    }
}
