// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import java.util.Objects;

/**
 * One key/value line of the type-specific section (source freshness, exposure type and URL, the tested node, ...).
 *
 * @param label the key, already formatted
 * @param value the value, already formatted
 */
public record DetailRow(String label, String value) {

    public DetailRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
