// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import java.time.Duration;

/** Human formatting of durations for statuses and reports. */
public final class Durations {

    private Durations() {}

    /**
     * A compact form with the two largest units: {@code 2d 3h}, {@code 5h 12m}, {@code 4m 30s}, {@code 12.4s},
     * {@code 0.35s}. Negative durations (clock skew) read as zero.
     */
    public static String format(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        if (days > 0) {
            return days + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        double seconds = d.toNanos() / 1e9;
        return seconds >= 10
                ? String.format(java.util.Locale.ROOT, "%.1fs", seconds)
                : String.format(java.util.Locale.ROOT, "%.2fs", seconds);
    }
}
