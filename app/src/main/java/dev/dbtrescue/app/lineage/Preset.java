// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.graph.plan.RescuePresets;

/** The preset buttons of the selection panel. */
public enum Preset {
    /** Failed nodes and everything downstream. */
    FAILED("Failed + downstream", RescuePresets.Preset.FAILED),
    /** Nodes changed against the production manifest and everything downstream. */
    MODIFIED("Modified + downstream", RescuePresets.Preset.MODIFIED),
    /** Stale sources and models, and everything downstream. */
    STALE("Stale + downstream", RescuePresets.Preset.STALE);

    private final String label;
    private final RescuePresets.Preset engine;

    Preset(String label, RescuePresets.Preset engine) {
        this.label = label;
        this.engine = engine;
    }

    /** The button text without its count. */
    public String label() {
        return label;
    }

    RescuePresets.Preset engine() {
        return engine;
    }
}
