// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lenient parsing of the timestamps found in dbt artifacts: {@code 2026-05-01T10:00:00Z}, with or without fractional
 * seconds, with an offset ({@code +00:00}, from the warehouse), naive (taken as UTC, as dbt writes UTC), and with a
 * space instead of {@code T}.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The instant, empty when the text is blank or not a timestamp. */
    public static Optional<Instant> parse(String text) {
        Instant fast = fastUtc(text);
        if (fast != null) {
            return Optional.of(fast);
        }
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

    /**
     * The shape dbt writes for its own timestamps, {@code 2026-05-01T10:00:00[.ffffff]Z}, read without the general
     * formatter (run_results of a large project hold hundreds of thousands of them).
     *
     * @return the instant, or null when the text has another shape
     */
    private static @Nullable Instant fastUtc(String t) {
        int n = t.length();
        if (n < 20
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 > 9) {
                return null;
            }
            int fraction = digits(t, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        } else if (t.charAt(19) != 'Z') {
            return null;
        }
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Warehouses sometimes print {@code +00} instead of {@code +00:00}. */
    private static Optional<Instant> parseShortOffset(String value) {
        if (value.matches(".*[+-]\\d\\d$")) {
            return parse(value + ":00");
        }
        return Optional.empty();
    }
}
