// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            name: x                                 | target
            target-path: build/out                  | build/out
            target-path: "quoted dir"               | quoted dir
            target-path: 'single'  # comment        | single
            "  target-path: nested"                 | target
            """)
    void targetFolderComesFromDbtProjectYml(String yml, String expected) {
        assertEquals(expected, TargetPath.of(yml.replace("\\n", "\n")));
    }
}
