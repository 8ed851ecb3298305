// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import java.util.Objects;

/**
 * Why a node is {@code state:new} or {@code state:modified}, so that a user can see which check fired.
 *
 * @param kind the check
 * @param detail what exactly: the config key, the macro's unique_id, the field name; empty when the kind says it all
 */
public record StateReason(Kind kind, String detail) {

    /** The checks of dbt's {@code state:modified}. */
    public enum Kind {
        /** Not in the state manifest. */
        NEW("new"),
        /** The SQL (or the seed file) changed. */
        BODY("body changed"),
        /** A config key changed (unrendered, as written). */
        CONFIG("config changed"),
        /** The configured database, schema or alias (sources: identifier) changed. */
        RELATION("relation changed"),
        /** A description persisted to the warehouse changed. */
        PERSISTED_DESCRIPTIONS("persisted description changed"),
        /** The node moved (its fully qualified name changed). */
        FQN("moved"),
        /** latest_version, access or deprecation_date changed. */
        REF_REPRESENTATION("ref representation changed"),
        /** A macro it calls, directly or through other macros, changed. */
        MACRO("macro changed"),
        /** Its enforced contract changed. */
        CONTRACT("contract changed"),
        /** Another compared property changed (unit test definition, source freshness, exposure owner, ...). */
        PROPERTY("property changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short human label. */
        public String label() {
            return label;
        }
    }

    public StateReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** For display: {@code config changed: materialized}, {@code macro changed: macro.shop.to_usd}, {@code new}. */
    public String describe() {
        return detail.isEmpty() ? kind.label() : kind.label() + ": " + detail;
    }
}
