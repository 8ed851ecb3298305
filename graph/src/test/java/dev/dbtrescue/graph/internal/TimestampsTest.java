// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2026-05-01T10:00:00Z,              2026-05-01T10:00:00Z
            2026-05-01T10:00:00.120431Z,       2026-05-01T10:00:00.120431Z
            2026-05-01T12:00:00+02:00,         2026-05-01T10:00:00Z
            2026-05-01 10:00:00+00:00,         2026-05-01T10:00:00Z
            2026-05-01T10:00:00.5,             2026-05-01T10:00:00.500Z
            2026-05-01 10:00:00.000000+00,     2026-05-01T10:00:00Z
            """)
    void parsesTheShapesDbtAndWarehousesWrite(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"''", "yesterday", "2026-13-45T99:00:00Z"})
    void givesNothingForNonTimestamps(String text) {
        assertEquals(Optional.empty(), Timestamps.parse(text));
    }
}
