// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

/** Text for the cells of a Markdown table: one line, with the pipes that would end the cell escaped. */
public final class MarkdownCells {

    private MarkdownCells() {}

    /** A cell of plain text. */
    public static String text(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    /** A cell shown as code; a backtick inside gets the double fence. */
    public static String code(String text) {
        String escaped = text(text);
        return escaped.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
