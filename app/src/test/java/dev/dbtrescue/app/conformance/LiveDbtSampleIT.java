// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.fixtures.RealDbt;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the golden files honest: a sample of the demo cases, rotating with the date, is run through the real pinned
 * {@code dbt ls} now, and dbt's lines must still equal the committed golden lines (and so our output).
 */
class LiveDbtSampleIT {

    private static final int SAMPLE = 6;

    @TempDir
    static Path scratch;

    private static RealDbt dbt;

    @BeforeAll
    static void copyDemo() throws Exception {
        dbt = RealDbt.demoCopy(scratch);
    }

    static Stream<Conformance.Case> sample() {
        // cases dbt answered with lines and no warning: deprecation summaries print after the list
        List<Conformance.Case> all = Conformance.cases("demo")
                .filter(c -> c.golden().path("exit").asInt() == 0)
                .filter(c -> c.golden().path("warnings").isEmpty())
                .filter(c -> !c.golden().path("lines").isEmpty())
                .toList();
        int stride = Math.max(1, all.size() / SAMPLE);
        int offset = (int) (LocalDate.now().toEpochDay() % stride);
        List<Conformance.Case> picked = new ArrayList<>();
        for (int i = offset; i < all.size() && picked.size() < SAMPLE; i += stride) {
            picked.add(all.get(i));
        }
        return picked.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void realDbtStillPrintsTheGoldenLines(Conformance.Case c) throws Exception {
        List<String> args = new ArrayList<>(List.of("--quiet", "ls"));
        args.addAll(c.args());
        RealDbt.Outcome outcome = dbt.run(args.toArray(String[]::new));
        assertEquals(0, outcome.exitCode(), outcome.output());
        List<String> expected = new ArrayList<>();
        for (JsonNode line : c.golden().path("lines")) {
            expected.add(line.asText());
        }
        List<String> printed = outcome.output()
                .lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("[WARNING]") && !l.contains("Deprecated functionality"))
                .toList();
        assertEquals(
                expected,
                printed.subList(Math.max(0, printed.size() - expected.size()), printed.size()),
                c + "\n" + outcome.output());
    }
}
