// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtrescue.runner.log.DbtLogParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = new Secrets(List.of(
            new EnvVar("DB_PASSWORD", "s3cr3t", true),
            new EnvVar("DB_PASSWORD_LONG", "s3cr3t-and-more", true),
            new EnvVar("DBT_TARGET", "prod", false)));

    @Test
    void secretValuesAreMaskedLongestFirstAndPlainValuesKept() {
        assertEquals(
                "connect prod failed: password **** rejected (****)",
                secrets.mask("connect prod failed: password s3cr3t-and-more rejected (s3cr3t)"));
    }

    @Test
    void aSecretThatDbtEscapedInItsJsonLogIsMaskedInTheParsedEvent() {
        Secrets quoted = new Secrets(List.of(new EnvVar("PW", "pa\"ss\u00e4", true)));
        String line = "{\"data\": {}, \"info\": {\"level\": \"error\", \"msg\": \"login pa\\\"ss\\u00e4 refused\","
                + " \"name\": \"RunResultError\", \"ts\": \"2026-01-01T00:00:00Z\"}}";
        assertEquals(-1, quoted.mask(line).indexOf("****"), "the raw line does not contain the secret as written");
        RunEvent event = quoted.mask(new DbtLogParser().parse(line));
        assertEquals("login **** refused", event.text());
    }

    @Test
    void everyEventTextIsMasked() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(
                List.of("Batch 1: dbt run --vars {pw: ****}", "x ****", "raw ****"),
                List.of(
                        secrets.mask(new RunEvent.BatchStarted(
                                        1, 1, List.of(), List.of("run", "--vars", "{pw: s3cr3t}"), at))
                                .text(),
                        secrets.mask(new RunEvent.NodeFinished(
                                        "m", "m", "model", "error", Duration.ZERO, at, "x s3cr3t"))
                                .text(),
                        secrets.mask(new RunEvent.RawLine(Optional.empty(), "raw s3cr3t"))
                                .text()));
    }

    @Test
    void exceptionMessagesAreMaskedAndKeepTheirKind() {
        RunnerException e = secrets.mask(new RunnerException(RunnerException.Kind.AUTHENTICATION, "bad s3cr3t"));
        assertEquals(RunnerException.Kind.AUTHENTICATION, e.kind());
        assertEquals("bad ****", e.getMessage());
    }

    @Test
    void commandWordsAreMaskedOneByOne() {
        assertEquals(List.of("--vars", "{pw: ****}"), secrets.mask(List.of("--vars", "{pw: s3cr3t}")));
    }

    @Test
    void secretsAreNotPrintedByTheirVariable() {
        assertEquals("DB_PASSWORD=****", new EnvVar("DB_PASSWORD", "s3cr3t", true).toString());
    }

    @Test
    void variableNamesAndValuesThatCannotTravelSafelyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EnvVar("A B", "x", false));
        assertThrows(IllegalArgumentException.class, () -> new EnvVar("1A", "x", false));
        assertThrows(IllegalArgumentException.class, () -> new EnvVar("A", "line\nGO", false));
    }
}
