// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

/** How nodes are gathered into collapsible groups. */
public enum Grouping {
    /** Every node on its own. */
    NONE("No grouping"),
    /** By the folder of the file that defines the node ({@code models/staging/shop}). */
    FOLDER("Group by folder"),
    /** By the dbt package that defines the node. */
    PACKAGE("Group by package");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    /** The choice as shown in the toolbar. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
