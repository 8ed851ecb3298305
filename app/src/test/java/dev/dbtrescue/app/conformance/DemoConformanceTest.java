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
    private static List<String> stateInputs;

    @BeforeAll
    static void prepareStateProjects() throws IOException {
        resultInputs = Conformance.scratchInputs("result", scratch, MANIFEST);
        // the state project is the demo after the three edits of state/CHANGES.md: exactly state/current
        stateInputs = Conformance.scratchInputs(
                "state", scratch, Fixtures.demo("state/current").resolve("manifest.json"));
    }

    static Stream<Conformance.Case> demo() {
        return Conformance.cases("demo");
    }

    static Stream<Conformance.Case> result() {
        return Conformance.cases("result");
    }

    static Stream<Conformance.Case> state() {
        return Conformance.cases("state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demo")
    void demoCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, List.of("--manifest", MANIFEST.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("state")
    void stateCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, stateInputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("result")
    void resultCaseMatchesDbt(Conformance.Case c) {
        Conformance.check(c, resultInputs);
    }
}
