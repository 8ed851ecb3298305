// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import com.mxgraph.layout.hierarchical.mxHierarchicalLayout;
import com.mxgraph.model.mxGeometry;
import com.mxgraph.model.mxIGraphModel;
import com.mxgraph.util.mxPoint;
import com.mxgraph.view.mxCellState;
import com.mxgraph.view.mxGraph;
import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutOptions;
import dev.dbtrescue.graph.layout.LayoutResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.swing.SwingConstants;

/**
 * The two engines of ADR 0010, each set up as the review picture would use it, and their drawings in one form: our
 * {@link LayeredLayout} with the options of {@code IncidentPicture} (edges painted as horizontal-tangent cubic
 * S-curves through the polyline's points, as {@code PictureCanvas} does), and JGraphX's {@code mxHierarchicalLayout},
 * west orientation, same box size and gaps, the mxGraph filled in one model update (no {@code JGraphXAdapter}),
 * edges painted as its view's straight polylines (the layout's default {@code noEdgeStyle}).
 */
final class ReviewEngines {

    /** IncidentPicture's {@code LAYOUT}. */
    static final LayoutOptions OPTIONS = new LayoutOptions(200, 34, 70, 14, 12);

    /** Straight pieces per painted cubic. */
    private static final int FLATTEN = 16;

    /**
     * One layout, ready to measure.
     *
     * @param drawing the drawing as painted
     * @param layers the same drawing for {@link CrossingMetric} (node centres, engine bends)
     */
    record Laid(DrawingStats.Drawing drawing, CrossingMetric.Drawing layers) {}

    private ReviewEngines() {}

    /** Our layout: the work timed is building the {@link LayoutGraph} and laying it out, as IncidentPicture does. */
    static Function<LayoutGraph, Object> oursTimed() {
        return g -> {
            int[] sources = new int[g.edgeCount()];
            int[] targets = new int[g.edgeCount()];
            for (int e = 0; e < sources.length; e++) {
                sources[e] = g.edgeSource(e);
                targets[e] = g.edgeTarget(e);
            }
            return new LayeredLayout(OPTIONS).layout(LayoutGraph.of(g.nodeCount(), sources, targets));
        };
    }

    /** The drawing of our layout's result, as IncidentPicture and PictureCanvas draw it. */
    static Laid ours(LayoutGraph g, LayoutResult r) {
        return ours(g, r, false);
    }

    /**
     * The drawing of our layout's result with each bend held level across its column: a long edge's point at a
     * column centre becomes two, at the column's left and right box borders, so that the edge crosses the column
     * straight through the slot the layout reserved for it and bends only in the gaps between columns. A change of
     * routing only (the layout is the same); it is what ADR 0010 proposes for our picture.
     */
    static Laid oursHeld(LayoutGraph g, LayoutResult r) {
        return ours(g, r, true);
    }

    private static Laid ours(LayoutGraph g, LayoutResult r, boolean held) {
        int n = g.nodeCount();
        double[] left = new double[n];
        double[] top = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = r.x(v);
            y[v] = r.y(v);
            left[v] = x[v] - OPTIONS.nodeWidth() / 2;
            top[v] = y[v] - OPTIONS.nodeHeight() / 2;
        }
        List<double[]> routed = new ArrayList<>();
        List<double[]> drawn = new ArrayList<>();
        double[][] bends = new double[g.edgeCount()][];
        for (int e = 0; e < g.edgeCount(); e++) {
            double[] p = held ? held(r.edgePoints(e)) : r.edgePoints(e);
            routed.add(p);
            drawn.add(sCurves(p));
            bends[e] = Arrays.copyOfRange(p, 2, p.length - 2);
        }
        int[][] ends = ends(g);
        return new Laid(
                new DrawingStats.Drawing(
                        left, top, OPTIONS.nodeWidth(), OPTIONS.nodeHeight(), ends[0], ends[1], routed, drawn),
                new CrossingMetric.Drawing(x, y, ends[0], ends[1], bends));
    }

    /** Each interior point (x, y) becomes (x - w/2, y), (x + w/2, y). */
    static double[] held(double[] p) {
        int bends = p.length / 2 - 2;
        double[] out = new double[p.length + 2 * bends];
        double half = OPTIONS.nodeWidth() / 2;
        out[0] = p[0];
        out[1] = p[1];
        for (int b = 0; b < bends; b++) {
            out[4 * b + 2] = p[2 * b + 2] - half;
            out[4 * b + 3] = p[2 * b + 3];
            out[4 * b + 4] = p[2 * b + 2] + half;
            out[4 * b + 5] = p[2 * b + 3];
        }
        out[out.length - 2] = p[p.length - 2];
        out[out.length - 1] = p[p.length - 1];
        return out;
    }

    /** PictureCanvas's edge: per segment a cubic with control points at mid x, flattened. */
    static double[] sCurves(double[] p) {
        int segments = p.length / 2 - 1;
        double[] out = new double[2 * (segments * FLATTEN + 1)];
        out[0] = p[0];
        out[1] = p[1];
        int o = 2;
        for (int k = 2; k < p.length; k += 2) {
            double x0 = p[k - 2];
            double y0 = p[k - 1];
            double x1 = p[k];
            double y1 = p[k + 1];
            for (int i = 1; i <= FLATTEN; i++) {
                double t = (double) i / FLATTEN;
                // control points (mid x, y0) and (mid x, y1): x runs 1.5t - 1.5t^2 + t^3, y runs 3t^2 - 2t^3
                double sx = t * (1.5 - 1.5 * t + t * t);
                double sy = t * t * (3 - 2 * t);
                out[o++] = i == FLATTEN ? x1 : x0 + (x1 - x0) * sx;
                out[o++] = i == FLATTEN ? y1 : y0 + (y1 - y0) * sy;
            }
        }
        return out;
    }

    /**
     * A JGraphX layout with its cells.
     *
     * @param graph the laid-out graph
     * @param vertices the cell of each node
     * @param edges the cell of each edge
     */
    record JGraphXLayout(mxGraph graph, Object[] vertices, Object[] edges) {}

    /**
     * JGraphX filled in one update and laid out; the work timed ends with the layout's own view update.
     *
     * @param label the value of node {@code v}'s cell (null for none)
     * @param style the style of node {@code v}'s cell, and at {@code -1} of every edge (null for the default)
     */
    static JGraphXLayout jgraphx(LayoutGraph g, Function<Integer, Object> label, Function<Integer, String> style) {
        mxGraph graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        mxIGraphModel model = graph.getModel();
        Object[] vertices = new Object[g.nodeCount()];
        Object[] edges = new Object[g.edgeCount()];
        model.beginUpdate();
        try {
            for (int v = 0; v < vertices.length; v++) {
                vertices[v] = graph.insertVertex(
                        parent, null, label.apply(v), 0, 0, OPTIONS.nodeWidth(), OPTIONS.nodeHeight(), style.apply(v));
            }
            for (int e = 0; e < g.edgeCount(); e++) {
                edges[e] = graph.insertEdge(
                        parent, null, null, vertices[g.edgeSource(e)], vertices[g.edgeTarget(e)], style.apply(-1));
            }
        } finally {
            model.endUpdate();
        }
        mxHierarchicalLayout layout = new mxHierarchicalLayout(graph, SwingConstants.WEST);
        layout.setInterRankCellSpacing(OPTIONS.layerGap());
        layout.setIntraCellSpacing(OPTIONS.nodeGap());
        layout.execute(parent);
        return new JGraphXLayout(graph, vertices, edges);
    }

    /** The drawing of a JGraphX layout: its view's absolute edge points, which start and end on the box borders. */
    static Laid jgraphx(LayoutGraph g, JGraphXLayout laid) {
        mxGraph graph = laid.graph();
        mxIGraphModel model = graph.getModel();
        int n = g.nodeCount();
        double[] left = new double[n];
        double[] top = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            mxGeometry geometry = model.getGeometry(laid.vertices()[v]);
            left[v] = geometry.getX();
            top[v] = geometry.getY();
            x[v] = geometry.getCenterX();
            y[v] = geometry.getCenterY();
        }
        List<double[]> routed = new ArrayList<>();
        double[][] bends = new double[g.edgeCount()][];
        for (int e = 0; e < g.edgeCount(); e++) {
            Object edge = laid.edges()[e];
            mxCellState state = graph.getView().getState(edge, true);
            routed.add(flat(state.getAbsolutePoints()));
            List<mxPoint> points = model.getGeometry(edge).getPoints();
            bends[e] = flat(points == null ? List.of() : points);
        }
        int[][] ends = ends(g);
        return new Laid(
                new DrawingStats.Drawing(
                        left, top, OPTIONS.nodeWidth(), OPTIONS.nodeHeight(), ends[0], ends[1], routed, routed),
                new CrossingMetric.Drawing(x, y, ends[0], ends[1], bends));
    }

    private static double[] flat(List<mxPoint> points) {
        double[] out = new double[2 * points.size()];
        for (int k = 0; k < points.size(); k++) {
            out[2 * k] = points.get(k).getX();
            out[2 * k + 1] = points.get(k).getY();
        }
        return out;
    }

    private static int[][] ends(LayoutGraph g) {
        int[][] ends = new int[2][g.edgeCount()];
        for (int e = 0; e < g.edgeCount(); e++) {
            ends[0][e] = g.edgeSource(e);
            ends[1][e] = g.edgeTarget(e);
        }
        return ends;
    }
}
