// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

/** The on-call runbook's classes of failure, each with its usual first move. */
public enum ErrorClass {
    /** Jinja, ref or config problems found while compiling the node. */
    COMPILATION("Compilation", "fix the model's Jinja/SQL or config, then rerun it and its downstream"),
    /** The warehouse rejected the SQL (missing column, type error, permissions, timeout). */
    DATABASE("Database", "read the warehouse error, fix the SQL or the upstream data, then rerun"),
    /** A missing, disabled or failed upstream resource (ref, source, ephemeral parent, package). */
    DEPENDENCY("Dependency", "fix or enable the upstream resource first, then rerun downstream"),
    /** A source whose data is older than its freshness threshold, or whose freshness could not be measured. */
    FRESHNESS("Freshness", "check the loader of the source; rerun downstream once new data has landed"),
    /** A data or unit test found bad rows or a wrong result. */
    TEST("Test", "inspect the failing rows; fix the data or the model, then rebuild and retest"),
    /** Anything else dbt reported as an error (runtime errors, internal errors, interrupted threads). */
    RUNTIME("Runtime", "read the message; retry once if it looks transient");

    private final String label;
    private final String advice;

    ErrorClass(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /** A short human label. */
    public String label() {
        return label;
    }

    /** The usual first move, for reports. */
    public String advice() {
        return advice;
    }
}
