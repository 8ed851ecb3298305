// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies a dbt failure from its result status and the first line of its message, robust to ANSI colour codes and
 * to dbt 1.12's {@code [ERROR]:} prefixes.
 *
 * @see <a href="https://docs.getdbt.com/guides/debug-errors">dbt: debugging errors</a>
 */
public final class ErrorClassifier {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Pattern PREFIX =
            Pattern.compile("^(\\[(ERROR|WARNING|WARN)]:?\\s*|Encountered an error:\\s*)+", Pattern.CASE_INSENSITIVE);

    /**
     * Warehouse error texts that adapters wrap in a {@code Runtime Error} instead of a {@code Database Error}
     * (dbt-duckdb 1.11 does so for DuckDB's binder, catalog and parser errors), so the body of the message decides.
     */
    private static final Pattern WAREHOUSE_ERROR = Pattern.compile(
            "(?i)\\b(binder|catalog|parser|conversion|constraint|invalid input|out of memory|io|transaction) error:"
                    + "|sql compilation error|syntax error at or near|syntax error:|invalid identifier"
                    + "|(relation|column|table|schema) .{0,200} does not exist|permission denied for"
                    + "|unrecognized name:|not found: (table|dataset)|division by zero");

    private ErrorClassifier() {}

    /**
     * The class of a failed result.
     *
     * @param type the failed resource's type
     * @param status its status
     * @param message its message, when any
     */
    public static ErrorClass classify(NodeType type, RunStatus status, Optional<String> message) {
        if (status == RunStatus.FAIL || status == RunStatus.WARN) {
            return ErrorClass.TEST;
        }
        String line = message.map(ErrorClassifier::firstLine).orElse("").toLowerCase(Locale.ROOT);
        // dbt renders a missing ref as "Compilation Error" with the dependency sentence on the next line
        String head = message.map(ErrorClassifier::plain).orElse("").toLowerCase(Locale.ROOT);
        if (isDependency(head.substring(0, Math.min(head.length(), 2_000)))) {
            return ErrorClass.DEPENDENCY;
        }
        if (line.startsWith("compilation error") || line.startsWith("parsing error")) {
            return ErrorClass.COMPILATION;
        }
        if (line.startsWith("database error")) {
            return ErrorClass.DATABASE;
        }
        if (line.startsWith("runtime error")
                && WAREHOUSE_ERROR.matcher(detailLine(head)).find()) {
            return ErrorClass.DATABASE;
        }
        if (type == NodeType.SOURCE) {
            return ErrorClass.FRESHNESS;
        }
        return ErrorClass.RUNTIME;
    }

    private static boolean isDependency(String line) {
        return line.contains("depends on a node named")
                || line.contains("depends on a source named")
                || line.contains("which was not found")
                || line.contains("which is disabled")
                || line.contains("is not in the graph")
                || line.contains("couldn't find model")
                || line.contains("referenced ephemeral model");
    }

    /**
     * The first meaningful line of a dbt message: ANSI codes removed, dbt 1.12's {@code [ERROR]:} prefix and the
     * {@code Encountered an error:} header dropped, blank lines skipped.
     *
     * @return the line, empty when the message has no text
     */
    public static String firstLine(String message) {
        String clean = ANSI.matcher(message).replaceAll("");
        for (String line : clean.split("\\R")) {
            String stripped = PREFIX.matcher(line.strip()).replaceFirst("").strip();
            if (!stripped.isEmpty()) {
                return stripped;
            }
        }
        return "";
    }

    /**
     * The first meaningful line after the first one: for warehouse errors, the warehouse's own message (dbt indents
     * it under its {@code Runtime Error in model ...} header).
     *
     * @return the line, empty when there is none
     */
    public static String detailLine(String message) {
        String clean = ANSI.matcher(message).replaceAll("");
        boolean first = true;
        for (String line : clean.split("\\R")) {
            String stripped = PREFIX.matcher(line.strip()).replaceFirst("").strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (first) {
                first = false;
                continue;
            }
            return stripped;
        }
        return "";
    }

    /** The message without ANSI codes. */
    public static String plain(String message) {
        return ANSI.matcher(message).replaceAll("");
    }
}
