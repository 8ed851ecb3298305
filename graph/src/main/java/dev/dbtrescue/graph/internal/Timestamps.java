// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lenient parsing of the timestamps found in dbt artifacts: {@code 2026-05-01T10:00:00Z}, with or without fractional
 * seconds, with an offset ({@code +00:00}, from the warehouse), naive (taken as UTC, as dbt writes UTC), and with a
 * space instead of {@code T}.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The instant, empty when the text is blank or not a timestamp. */
    public static Optional<Instant> parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return parseShortOffset(value);
            }
        }
    }

    /** Warehouses sometimes print {@code +00} instead of {@code +00:00}. */
    private static Optional<Instant> parseShortOffset(String value) {
        if (value.matches(".*[+-]\\d\\d$")) {
            return parse(value + ":00");
        }
        return Optional.empty();
    }
}
