// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.conformance;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus's cases on the demo project, and on the demo with the failed build's artifacts as {@code --state}
 * ({@code result:}, {@code source_status:}), each checked against real dbt ls.
 */
class DemoConformanceTest {

    /**
     * The goldens were computed on a freshly parsed demo; {@code state/prod} is exactly {@code dbt parse} of the
     * unchanged demo (a manifest written after {@code dbt build} differs: compiling adds macros to tests' depends_on).
     */
    private static final Path MANIFEST = Fixtures.demo("state/prod").resolve("manifest.json");

    @TempDir
    static Path scratch;

    private static List<String> resultInputs;

    @BeforeAll
    static void prepareResultProject() throws IOException {
        resultInputs = Conformance.scratchInputs("result", scratch, MANIFEST);
    }

    static Stream<Conformance.Case> demo() {
        return Conformance.cases("demo");
    }

    /**
     * The result project's cases. Those using {@code state:} are left to the state-comparison work, which will run
     * them with the {@code state} project's cases; everything else here must match.
     */
    static Stream<Conformance.Case> result() {
        return Conformance.cases("result").filter(c -> c.args().stream().noneMatch(a -> a.contains("state:")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demo")
    void demoCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, List.of("--manifest", MANIFEST.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("result")
    void resultCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, resultInputs);
    }
}
