// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.CanvasScene;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutOptions;
import dev.dbtrescue.graph.layout.LayoutResult;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.util.function.BooleanSupplier;

/** The whole-project layout: graph's layered layout (ADR 0008) of the projection, plus statuses and badges. */
public final class LayeredLineageLayout implements LayoutEngine {

    private final LayoutOptions layoutOptions;

    public LayeredLineageLayout() {
        this(LayoutOptions.DEFAULT);
    }

    public LayeredLineageLayout(LayoutOptions layoutOptions) {
        this.layoutOptions = layoutOptions;
    }

    @Override
    public LineageLayout layout(ProjectSession session, ViewOptions options, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        Projection projection = Projection.of(session.project().graph(), options);
        int n = projection.itemCount();
        int[] src = projection.edgeSources();
        int[] dst = projection.edgeTargets();
        LayoutResult result = new LayeredLayout(layoutOptions).layout(LayoutGraph.of(n, src, dst), cancelled);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = result.x(i);
            y[i] = result.y(i);
        }
        int[][] back = projection.backEdges();
        int edges = src.length + back[0].length;
        int[] edgeSource = new int[edges];
        int[] edgeTarget = new int[edges];
        double[][] points = new double[edges][];
        double half = layoutOptions.nodeWidth() / 2;
        for (int e = 0; e < src.length; e++) {
            edgeSource[e] = src[e];
            edgeTarget[e] = dst[e];
            points[e] = result.edgePoints(e);
        }
        for (int k = 0; k < back[0].length; k++) {
            int e = src.length + k;
            int a = back[0][k];
            int b = back[1][k];
            edgeSource[e] = a;
            edgeTarget[e] = b;
            points[e] = new double[] {x[a] + half, y[a], x[b] - half, y[b]};
        }
        CanvasScene scene = new CanvasScene(
                n,
                x,
                y,
                layoutOptions.nodeWidth(),
                layoutOptions.nodeHeight(),
                projection.labels(),
                edgeSource,
                edgeTarget,
                points,
                result.width(),
                result.height());
        ProjectStatus status = session.project().status();
        return new LineageLayout(
                projection,
                scene,
                ItemStatus.statuses(projection, status),
                ItemStatus.badges(projection, status),
                (System.nanoTime() - start) / 1_000_000);
    }
}
