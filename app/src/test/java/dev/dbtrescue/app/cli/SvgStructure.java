// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What an exported lineage SVG draws, without coordinates: its title, header lines, each node (unique_id, status and
 * the texts in its box), the number of edges and the legend's entries in order.
 *
 * @param width the document's width attribute
 * @param height the document's height attribute
 * @param title the document's title
 * @param header the header lines, top to bottom
 * @param nodes the nodes by unique_id, in drawing order
 * @param edges how many edges are drawn
 * @param legend the legend's labels, left to right
 */
record SvgStructure(
        String width,
        String height,
        String title,
        List<String> header,
        Map<String, Node> nodes,
        int edges,
        List<String> legend) {

    /**
     * One node's group.
     *
     * @param status its {@code data-status}
     * @param texts the texts drawn in its box (name, then resource type)
     */
    record Node(String status, List<String> texts) {}

    /** Parses an SVG document. */
    static SvgStructure of(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)))
                .getDocumentElement();
        String title = "";
        List<String> header = List.of();
        Map<String, Node> nodes = new LinkedHashMap<>();
        int edges = 0;
        List<String> legend = List.of();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element e)) {
                continue;
            }
            switch (e.getTagName() + "." + e.getAttribute("class")) {
                case "title." -> title = e.getTextContent();
                case "g.header" -> header = texts(e);
                case "g.edges" -> edges = e.getElementsByTagName("path").getLength();
                case "g.nodes" -> {
                    NodeList groups = e.getElementsByTagName("g");
                    for (int g = 0; g < groups.getLength(); g++) {
                        Element node = (Element) groups.item(g);
                        nodes.put(
                                node.getAttribute("data-unique-id"),
                                new Node(node.getAttribute("data-status"), texts(node)));
                    }
                }
                case "g.legend" -> legend = texts(e);
                default -> {
                    // the background and other decoration carry no structure
                }
            }
        }
        return new SvgStructure(
                root.getAttribute("width"), root.getAttribute("height"), title, header, nodes, edges, legend);
    }

    /** Each node's status by unique_id. */
    Map<String, String> statuses() {
        Map<String, String> out = new LinkedHashMap<>();
        nodes.forEach((id, node) -> out.put(id, node.status()));
        return out;
    }

    /** The structure as lines for a snapshot: nodes sorted by unique_id, since their drawing order is arbitrary. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("title: " + title);
        header.forEach(line -> out.add("header: " + line));
        nodes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(n ->
                        out.add("node: " + n.getKey() + " | " + n.getValue().status() + " | "
                                + String.join(" | ", n.getValue().texts())));
        out.add("edges: " + edges);
        out.add("legend: " + String.join(" | ", legend));
        return out;
    }

    private static List<String> texts(Element parent) {
        NodeList texts = parent.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int t = 0; t < texts.getLength(); t++) {
            out.add(texts.item(t).getTextContent());
        }
        return out;
    }
}
