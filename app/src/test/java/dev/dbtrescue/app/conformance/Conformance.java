// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.app.cli.RootCommand;
import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The selector conformance corpus: cases whose expected output was written by real {@code dbt ls} (pinned dbt) and
 * committed by {@code scripts/gen-selector-goldens}, run through our {@code ls}. A case passes only when the printed
 * lines (and their order), the warnings and the exit code are dbt's.
 */
final class Conformance {

    private static final Path DIR = Fixtures.root().resolve("graph/src/test/resources/conformance");

    /** One case with dbt's answer. */
    record Case(String id, String project, List<String> args, String note, JsonNode golden) {
        @Override
        public String toString() {
            return id + " " + String.join(" ", args);
        }
    }

    private Conformance() {}

    /** Every case of a project, in file order. */
    static Stream<Case> cases(String project) {
        ObjectMapper json = new ObjectMapper();
        try {
            Map<String, JsonNode> golden = new LinkedHashMap<>();
            for (String line : Files.readAllLines(DIR.resolve("golden.jsonl"))) {
                JsonNode g = json.readTree(line);
                golden.put(g.path("id").asText(), g);
            }
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("cases.jsonl"))) {
                JsonNode c = json.readTree(line);
                if (!c.path("project").asText().equals(project)) {
                    continue;
                }
                List<String> args = new ArrayList<>();
                c.path("args").forEach(a -> args.add(a.asText()));
                String id = c.path("id").asText();
                cases.add(new Case(id, project, args, c.path("note").asText(), golden.get(id)));
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project descriptions of the corpus (which artifacts each project's state and target hold). */
    static JsonNode projects() {
        return Fixtures.tree(DIR.resolve("projects.json"));
    }

    /** Runs our ls with the case's arguments after {@code inputArgs} and checks it against dbt's answer. */
    static void check(Case c, List<String> inputArgs) {
        List<String> argv = new ArrayList<>(List.of("ls"));
        argv.addAll(inputArgs);
        argv.addAll(c.args());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RootCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(argv.toArray(String[]::new));
        String context = c + " (" + c.note() + ")\nstderr: " + err;
        assertEquals(c.golden().path("exit").asInt(), exit, "exit code of " + context);
        if (exit != 0) {
            return;
        }
        List<String> expectedLines = new ArrayList<>();
        c.golden().path("lines").forEach(l -> expectedLines.add(l.asText()));
        assertEquals(expectedLines, out.toString().lines().toList(), "lines of " + context);
        List<String> expectedWarnings = new ArrayList<>();
        c.golden().path("warnings").forEach(w -> expectedWarnings.add(w.asText()));
        List<String> warnings = warnings(err.toString());
        assertEquals(
                expectedWarnings.stream().sorted().toList(),
                warnings.stream().sorted().toList(),
                "warnings of " + context);
    }

    /** The warnings printed on stderr: each starts with {@code warning: } and runs until the next line that does not. */
    private static List<String> warnings(String stderr) {
        List<String> warnings = new ArrayList<>();
        StringBuilder current = null;
        for (String line : stderr.lines().toList()) {
            if (line.startsWith("warning: ")) {
                if (current != null) {
                    warnings.add(current.toString());
                }
                current = new StringBuilder(line.substring("warning: ".length()));
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            warnings.add(current.toString());
        }
        return warnings;
    }

    /** A scratch project whose target/ and state folder hold the files projects.json names for {@code project}. */
    static List<String> scratchInputs(String project, Path scratch, Path manifest) throws IOException {
        JsonNode description = projects().path(project);
        Path projectDir = Files.createDirectories(scratch.resolve(project + "-project"));
        Files.createDirectories(projectDir.resolve("target"));
        Files.copy(manifest, projectDir.resolve("target/manifest.json"));
        for (var e : description.path("target_files").properties()) {
            Files.copy(Fixtures.root().resolve(e.getValue().asText()), projectDir.resolve(e.getKey()));
        }
        List<String> inputs = new ArrayList<>(List.of("--project", projectDir.toString()));
        if (description.path("state_dir").isObject()) {
            Path state = Files.createDirectories(scratch.resolve(project + "-state"));
            for (var e : description.path("state_dir").properties()) {
                Files.copy(Fixtures.root().resolve(e.getValue().asText()), state.resolve(e.getKey()));
            }
            inputs.addAll(List.of("--state", state.toString()));
        }
        return inputs;
    }
}
