// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus's cases on the generated 500-model project (deterministic: same seed, same project), which the
 * generator parses with the real dbt; each checked against real dbt ls.
 */
class LargeProjectConformanceIT {

    private static Path manifest;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        Process gen = new ProcessBuilder(
                        Fixtures.root().resolve("scripts/gen-large-project").toString(), "--models", "500")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> out = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        gen.waitFor(15, TimeUnit.MINUTES);
        assertEquals(0, gen.exitValue(), "scripts/gen-large-project --models 500");
        manifest = Path.of(out.get(out.size() - 1)).resolve("target/manifest.json");
    }

    static Stream<Conformance.Case> large() {
        return Conformance.cases("large");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("large")
    void largeProjectCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, List.of("--manifest", manifest.toString()));
    }
}
