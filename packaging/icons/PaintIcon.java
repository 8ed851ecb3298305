// SPDX-License-Identifier: Apache-2.0
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the dbt-rescue icon: a small lineage graph whose middle model failed (red, ringed) and whose downstream
 * models were skipped (amber). One geometry, written four ways so the formats cannot drift apart:
 * {@code dbt-rescue.svg} (the source to look at), {@code dbt-rescue.png} (256 px, Linux), {@code dbt-rescue.ico}
 * (Windows: PNG images 16-256 px) and {@code dbt-rescue.icns} (macOS: PNG images 16-1024 px).
 *
 * <p>Run from the repository root with any JDK 21 or newer: {@code java packaging/icons/PaintIcon.java}. The files
 * are committed; run it again only after changing the drawing.
 */
public final class PaintIcon {

    private static final int SIZE = 256; // the drawing's coordinate space; SVG viewBox and the Linux PNG
    private static final double NODE_RADIUS = 19;
    private static final double EDGE_WIDTH = 10;

    private static final Color BACKGROUND = new Color(0x1e293b);
    private static final Color SUCCESS = new Color(0x22c55e);
    private static final Color FAILED = new Color(0xef4444);
    private static final Color SKIPPED = new Color(0xf59e0b);
    private static final Color EDGE = new Color(0x94a3b8);
    private static final Color BLAST = new Color(0xf87171); // edges leaving the failed model
    private static final Color RING = Color.WHITE;

    private record Node(double x, double y, Color fill) {}

    private record Edge(Node from, Node to, Color stroke) {}

    private static final Node SOURCE_A = new Node(60, 80, SUCCESS);
    private static final Node SOURCE_B = new Node(60, 176, SUCCESS);
    private static final Node BROKEN = new Node(128, 128, FAILED);
    private static final Node SKIPPED_A = new Node(196, 80, SKIPPED);
    private static final Node SKIPPED_B = new Node(196, 176, SKIPPED);

    private static final List<Node> NODES = List.of(SOURCE_A, SOURCE_B, BROKEN, SKIPPED_A, SKIPPED_B);
    private static final List<Edge> EDGES = List.of(
            new Edge(SOURCE_A, BROKEN, EDGE),
            new Edge(SOURCE_B, BROKEN, EDGE),
            new Edge(BROKEN, SKIPPED_A, BLAST),
            new Edge(BROKEN, SKIPPED_B, BLAST));

    private PaintIcon() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dbt-rescue.svg"), svg());
        Files.write(dir.resolve("dbt-rescue.png"), png(SIZE));
        Files.write(dir.resolve("dbt-rescue.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Files.write(dir.resolve("dbt-rescue.icns"), icns());
        System.out.println("wrote dbt-rescue.svg, .png, .ico and .icns to " + dir.toAbsolutePath());
    }

    // ---- the drawing ----

    private static void paint(Graphics2D g, int pixels) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.transform(AffineTransform.getScaleInstance(pixels / (double) SIZE, pixels / (double) SIZE));
        g.setColor(BACKGROUND);
        g.fill(new RoundRectangle2D.Double(16, 16, 224, 224, 104, 104));
        g.setStroke(new BasicStroke((float) EDGE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Edge e : EDGES) {
            double mid = (e.from().x() + e.to().x()) / 2;
            g.setColor(e.stroke());
            g.draw(new CubicCurve2D.Double(
                    e.from().x(), e.from().y(), mid, e.from().y(), mid, e.to().y(), e.to().x(), e.to().y()));
        }
        for (Node n : NODES) {
            g.setColor(n.fill());
            g.fill(circle(n, NODE_RADIUS));
        }
        g.setColor(RING); // the ring marks the one to rescue
        g.setStroke(new BasicStroke(6f));
        g.draw(circle(BROKEN, NODE_RADIUS + 8));
    }

    private static Ellipse2D circle(Node n, double r) {
        return new Ellipse2D.Double(n.x() - r, n.y() - r, 2 * r, 2 * r);
    }

    private static String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- SPDX-License-Identifier: Apache-2.0 -->\n")
                .append("<!-- Written by PaintIcon.java, which also paints the PNG, ICO and ICNS from the same shapes."
                        + " -->\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n")
                .append("  <rect x=\"16\" y=\"16\" width=\"224\" height=\"224\" rx=\"52\" fill=\"")
                .append(hex(BACKGROUND))
                .append("\"/>\n");
        s.append("  <g fill=\"none\" stroke-width=\"").append(num(EDGE_WIDTH)).append("\" stroke-linecap=\"round\">\n");
        for (Edge e : EDGES) {
            double mid = (e.from().x() + e.to().x()) / 2;
            s.append(String.format(
                    Locale.ROOT,
                    "    <path d=\"M%s %s C%s %s %s %s %s %s\" stroke=\"%s\"/>%n",
                    num(e.from().x()),
                    num(e.from().y()),
                    num(mid),
                    num(e.from().y()),
                    num(mid),
                    num(e.to().y()),
                    num(e.to().x()),
                    num(e.to().y()),
                    hex(e.stroke())));
        }
        s.append("  </g>\n");
        for (Node n : NODES) {
            s.append(String.format(
                    Locale.ROOT,
                    "  <circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>%n",
                    num(n.x()),
                    num(n.y()),
                    num(NODE_RADIUS),
                    hex(n.fill())));
        }
        s.append(String.format(
                Locale.ROOT,
                "  <circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"6\"/>%n",
                num(BROKEN.x()),
                num(BROKEN.y()),
                num(NODE_RADIUS + 8),
                hex(RING)));
        return s.append("</svg>\n").toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- the file formats ----

    private static byte[] png(int pixels) throws IOException {
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g, pixels);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed images (Windows Vista and later): a directory, then the PNGs. Little-endian. */
    private static byte[] ico(int... sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int offset = 6 + 16 * sizes.length;
        int total = offset + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length); // reserved, type icon, count
        for (int i = 0; i < sizes.length; i++) {
            byte side = (byte) (sizes[i] == 256 ? 0 : sizes[i]); // 0 means 256
            out.put(side).put(side).put((byte) 0).put((byte) 0); // width, height, palette size, reserved
            out.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** ICNS with PNG images (macOS 10.7 and later): "icns", total length, then typed chunks. Big-endian. */
    private static byte[] icns() throws IOException {
        String[] types = {"ic11", "ic12", "ic07", "ic13", "ic08", "ic14", "ic09", "ic10"};
        int[] sizes = {32, 64, 128, 256, 256, 512, 512, 1024}; // ic11-ic14 and ic10 are the @2x variants
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            ByteBuffer chunk = ByteBuffer.allocate(8 + image.length);
            chunk.put(types[i].getBytes(StandardCharsets.US_ASCII))
                    .putInt(8 + image.length)
                    .put(image);
            chunks.add(chunk.array());
        }
        int total = 8 + chunks.stream().mapToInt(c -> c.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        chunks.forEach(out::put);
        return out.array();
    }
}
