// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import com.mxgraph.util.mxCellRenderer;
import com.mxgraph.util.mxUtils;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.bench.IncidentSubgraphs.IncidentCase;
import dev.dbtrescue.graph.status.NodeState;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * What the review picture would look like drawn by JGraphX itself (ADR 0010): the same incident graph laid out as
 * {@link ReviewEngines#jgraphx} does, written with {@code mxCellRenderer} as SVG and PNG (1 px per point). It adds
 * only what JGraphX's styles give for free: each box filled and outlined in its status colour (the Okabe-Ito colours
 * of {@code app}'s {@code NodeStatus}, the fill at the 16 % our writer uses, failures outlined thicker) and a
 * two-line label (name, resource type). No title, legend, status glyphs, tooltips or {@code unique_id} attributes:
 * those are what switching would have to add.
 */
final class JGraphXPicture {

    private JGraphXPicture() {}

    /** Writes {@code base.svg} and {@code base.png}. */
    static void write(IncidentCase c, Path base) throws Exception {
        ReviewEngines.JGraphXLayout laid = ReviewEngines.jgraphx(c.graph(), v -> label(c, v), v -> style(c, v));
        BufferedImage image = mxCellRenderer.createBufferedImage(laid.graph(), null, 1, Color.WHITE, true, null);
        ImageIO.write(
                image, "png", base.resolveSibling(base.getFileName() + ".png").toFile());
        String svg = mxUtils.getXml(mxCellRenderer
                .createSvgDocument(laid.graph(), null, 1, Color.WHITE, null)
                .getDocumentElement());
        Files.writeString(base.resolveSibling(base.getFileName() + ".svg"), svg, StandardCharsets.UTF_8);
    }

    private static String label(IncidentCase c, int v) {
        Node node = c.nodes().get(v);
        String name = node.displayName();
        return (name.length() <= 26 ? name : name.substring(0, 25) + "…") + "\n"
                + node.type().dbtName();
    }

    private static String style(IncidentCase c, int v) {
        if (v < 0) {
            return "endArrow=none;strokeColor=#8a8a8a;strokeWidth=1.2";
        }
        NodeState state = c.states().get(v);
        int rgb = colour(state);
        boolean failed = state == NodeState.ERROR || state == NodeState.FAIL;
        return String.format(
                Locale.ROOT,
                "rounded=1;arcSize=18;fillColor=%s;strokeColor=%s;strokeWidth=%s;fontColor=#111111;fontSize=11;"
                        + "align=left;spacingLeft=10",
                hex(tint(rgb, 0.16)),
                hex(rgb),
                failed ? "3" : "1.5");
    }

    /** app's NodeStatus colours (Okabe-Ito), copied because {@code graph} cannot see {@code app}. */
    private static int colour(NodeState state) {
        return switch (state) {
            case SUCCESS, FRESH -> 0x009E73;
            case ERROR -> 0xD55E00;
            case FAIL -> 0xCC79A7;
            case WARN -> 0xE69F00;
            case SKIPPED -> 0x56B4E9;
            case NOT_RUN -> 0x999999;
            case STALE -> 0xF0E442;
        };
    }

    private static int tint(int rgb, double alpha) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = (rgb >> shift) & 0xFF;
            out |= (int) Math.round(255 + (c - 255) * alpha) << shift;
        }
        return out;
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
