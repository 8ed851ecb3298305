// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.runner.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DbtLogParserTest {

    private final DbtLogParser parser = new DbtLogParser();

    /** A real dbt 1.12.6 `dbt build --log-format json` of the demo project in its failed scenario. */
    private static List<RunEvent> failedBuild() throws IOException {
        DbtLogParser parser = new DbtLogParser();
        List<RunEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.demo("failed-build").resolve("build.log.jsonl"))) {
            events.add(parser.parse(line));
        }
        return events;
    }

    @Test
    void recordedBuildLogGivesOneFinishedEventPerRunResultWithTheSameStatus() throws IOException {
        Map<String, String> fromLog = new LinkedHashMap<>();
        for (RunEvent e : failedBuild()) {
            if (e instanceof RunEvent.NodeFinished f) {
                assertEquals(null, fromLog.put(f.uniqueId(), f.status()), "finished twice: " + f.uniqueId());
            }
        }
        Map<String, String> fromArtifacts = new LinkedHashMap<>();
        JsonNode results = Fixtures.tree(Fixtures.demo("failed-build").resolve("run_results.json"));
        results.path("results")
                .forEach(r -> fromArtifacts.put(
                        r.path("unique_id").asText(), r.path("status").asText()));
        assertEquals(new TreeMap<>(fromArtifacts), new TreeMap<>(fromLog));
    }

    @Test
    void recordedBuildLogStartsEveryExecutedNodeBeforeItFinishes() throws IOException {
        Map<String, Integer> started = new LinkedHashMap<>();
        List<RunEvent> events = failedBuild();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.NodeStarted s) {
                started.put(s.uniqueId(), i);
            }
        }
        int finishedAfterStart = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.NodeFinished f
                    && !f.status().equals("skipped")
                    && !f.status().equals("no-op")) {
                assertTrue(started.getOrDefault(f.uniqueId(), Integer.MAX_VALUE) < i, f.uniqueId());
                finishedAfterStart++;
            }
        }
        assertEquals(170, started.size());
        assertEquals(170, finishedAfterStart);
    }

    @Test
    void recordedBuildLogNamesItsInvocationAndTotals() throws IOException {
        List<RunEvent> events = failedBuild();
        RunEvent.InvocationStarted first = assertInstanceOf(RunEvent.InvocationStarted.class, events.get(0));
        assertEquals("1ed4a8db-4019-46e9-a634-66460c165fc2", first.invocationId());
        assertEquals("1.12.6", first.dbtVersion());
        RunEvent.InvocationCompleted done = events.stream()
                .filter(RunEvent.InvocationCompleted.class::isInstance)
                .map(RunEvent.InvocationCompleted.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals(221, done.stats().get("total"));
        assertEquals(2, done.stats().get("error"));
        assertEquals(49, done.stats().get("skip"));
    }

    @Test
    void failedModelIsReadFromNodeInfoNotFromTheMessage() {
        RunEvent e = parser.parse("{\"data\": {\"description\": \"sql view model x\", \"execution_time\": 0.4101889,"
                + " \"node_info\": {\"node_name\": \"int_payments_converted\", \"node_status\": \"error\","
                + " \"resource_type\": \"model\", \"unique_id\": \"model.rescue_shop.int_payments_converted\"},"
                + " \"status\": \"error\"}, \"info\": {\"level\": \"error\", \"msg\": \"\\u001b[31m104 of 221 ERROR"
                + " creating\\u001b[0m\", \"name\": \"LogModelResult\", \"ts\": \"2026-11-21T18:18:35.669160Z\"}}");
        assertEquals(
                new RunEvent.NodeFinished(
                        "model.rescue_shop.int_payments_converted",
                        "int_payments_converted",
                        "model",
                        "error",
                        Duration.ofNanos(410188900),
                        Instant.parse("2026-11-21T18:18:35.669160Z"),
                        "104 of 221 ERROR creating"),
                e);
    }

    @Test
    void successfulModelUsesNodeStatusNotTheAdapterResponse() {
        RunEvent e = parser.parse("{\"data\": {\"status\": \"SELECT 5\", \"execution_time\": 2,"
                + " \"node_info\": {\"node_status\": \"success\", \"unique_id\": \"model.p.m\", \"node_name\": \"m\","
                + " \"resource_type\": \"model\"}}, \"info\": {\"level\": \"info\", \"msg\": \"OK\","
                + " \"name\": \"LogModelResult\", \"ts\": \"2026-01-01T00:00:00Z\"}}");
        assertEquals("success", assertInstanceOf(RunEvent.NodeFinished.class, e).status());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            LogTestResult,     fail,    fail
            LogSeedResult,     success, success
            LogSnapshotResult, success, success
            LogNodeNoOpResult, no-op,   no-op
            LogFunctionResult, success, success
            SkippingDetails,   skipped, skipped
            SkippingDetails,   None,    skipped
            LogFreshnessResult, warn,   warn
            """)
    void resultEventsFinishTheirNode(String name, String nodeStatus, String expected) {
        RunEvent e = parser.parse("{\"data\": {\"node_info\": {\"node_status\": \"" + nodeStatus
                + "\", \"unique_id\": \"x.p.n\", \"node_name\": \"n\", \"resource_type\": \"x\"}},"
                + " \"info\": {\"level\": \"info\", \"msg\": \"m\", \"name\": \"" + name
                + "\", \"ts\": \"2026-01-01T00:00:00Z\"}}");
        assertEquals(expected, assertInstanceOf(RunEvent.NodeFinished.class, e).status());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            UpcomingReferenceDeprecation, warn,  WARN
            RunResultError,               error, ERROR
            FoundStats,                   info,  INFO
            NodeFinished,                 debug, DEBUG
            """)
    void warningsErrorsAndKnownEventsAreLogLines(String name, String level, RunEvent.Level expected) {
        RunEvent e = parser.parse("{\"data\": {}, \"info\": {\"level\": \"" + level + "\", \"msg\": \"text\","
                + " \"name\": \"" + name + "\", \"ts\": \"2026-01-01T00:00:00Z\"}}");
        RunEvent.LogLine line = assertInstanceOf(RunEvent.LogLine.class, e);
        assertEquals(expected, line.level());
        assertEquals(name, line.name());
        assertEquals("text", line.text());
    }

    @Test
    void unknownInfoEventsPassThroughAsRawLinesWithTheirName() {
        RunEvent e = parser.parse("{\"data\": {\"x\": 1}, \"info\": {\"level\": \"info\", \"msg\": \"hello\","
                + " \"name\": \"SomethingNewIn113\", \"ts\": \"2026-01-01T00:00:00Z\"}}");
        assertEquals(new RunEvent.RawLine(Optional.of("SomethingNewIn113"), "hello"), e);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Traceback (most recent call last):",
                "{not json",
                "{\"info\": {}}",
                "",
                "{\"data\": {}, \"info\": {\"name\": \"X\", \"ts\": \"yesterday\"}}"
            })
    void anythingElseIsARawLine(String line) {
        assertInstanceOf(RunEvent.RawLine.class, parser.parse(line));
    }

    @Test
    void colourCodesAreStripped() {
        assertEquals("OK done", DbtLogParser.stripAnsi("\u001B[32mOK\u001B[0m done"));
    }

    @Test
    void recordedCleanBuildEndsWithoutErrors() throws IOException {
        Path log = Fixtures.demo("clean-build").resolve("build.log.jsonl");
        long errors = Files.readAllLines(log).stream()
                .map(parser::parse)
                .filter(e -> e instanceof RunEvent.NodeFinished f && !f.succeeded())
                .count();
        assertEquals(0, errors);
    }
}
