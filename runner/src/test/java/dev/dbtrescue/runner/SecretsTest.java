// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
