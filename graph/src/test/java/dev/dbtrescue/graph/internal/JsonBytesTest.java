// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte cursor reads what Jackson reads: the same trees, strings and scalar texts, and the end of every value; and
 * it refuses what Jackson refuses.
 */
class JsonBytesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static JsonBytes cursor(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new JsonBytes(bytes, 0, bytes.length);
    }

    /** Jackson's tree for the first value of {@code json}, built the way the streaming readers build it. */
    private static JsonNode jackson(byte[] json) throws IOException {
        try (JsonParser p = ArtifactFiles.MAPPER.createParser(json)) {
            p.nextToken();
            return Trees.read(p);
        }
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(this::scalars, inner -> Arbitraries.oneOf(arrays(inner), objects(inner)), 0, 3);
    }

    private Arbitrary<JsonNode> scalars() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .withChars("\"\\/\b\f\n\r\t\u2028é€中")
                .ofMaxLength(12);
        return Arbitraries.oneOf(
                text.map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70))
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> inner) {
        return inner.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }

    private Arbitrary<JsonNode> objects(Arbitrary<JsonNode> inner) {
        Arbitrary<String> keys =
                Arbitraries.strings().withCharRange('a', 'e').withChars("\"é\n").ofMaxLength(3);
        return Combinators.combine(keys.list().ofMaxSize(4), inner.list().ofSize(4))
                .as((names, items) -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        object.set(names.get(i), items.get(i));
                    }
                    return (JsonNode) object;
                });
    }

    @Provide
    Arbitrary<ObjectMapper> writers() {
        return Arbitraries.of(
                JsonMapper.builder().build(),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build(),
                JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());
    }

    @Property(tries = 1000)
    void aTreeReadFromBytesIsJacksonsTreeAndEndsWhereTheValueEnds(
            @ForAll("values") JsonNode value, @ForAll("writers") ObjectMapper writer) throws Exception {
        byte[] json = (writer.writeValueAsString(value) + " ,").getBytes(StandardCharsets.UTF_8);
        JsonNode expected = jackson(json);

        JsonBytes read = new JsonBytes(json, 0, json.length);
        JsonNode actual = read.tree();
        JsonBytes skipped = new JsonBytes(json, 0, json.length);
        skipped.skipValue();

        assertEquals(expected, actual);
        assertEquals(json.length - 2, read.pos(), "the tree's end");
        assertEquals(json.length - 2, skipped.pos(), "the skipped value's end");
    }

    @Property(tries = 500)
    void scalarsAndStringsReadAsJacksonsText(@ForAll("values") JsonNode value, @ForAll("writers") ObjectMapper writer)
            throws Exception {
        byte[] json = writer.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        String expected;
        try (JsonParser p = ArtifactFiles.MAPPER.createParser(json)) {
            JsonToken token = p.nextToken();
            expected = token.isScalarValue() && token != JsonToken.VALUE_NULL ? p.getText() : null;
        }

        assertEquals(expected, new JsonBytes(json, 0, json.length).scalar());
    }

    @Test
    void namesAndStringsDecodeEveryEscape() throws Exception {
        String json = "{\"n\\u00e9\\\"e\": \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u20ac\\ud83d\\ude00 \u00e9\u4e2d\"}";
        JsonBytes c = cursor(json);
        c.expect('{');

        assertEquals("né\"e", c.fieldName());
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti€😀 é中", c.string());
        assertEquals(
                jackson(json.getBytes(StandardCharsets.UTF_8)).get("né\"e").asText(), "a\"b\\c/d\be\ff\ng\rh\ti€😀 é中");
    }

    @Test
    void aRecurringNameIsOneInstance() throws Exception {
        JsonBytes c = cursor("[{\"materialized\": 1}, {\"materialized\": 2}]");
        c.expect('[');
        c.expect('{');
        String first = c.fieldName();
        c.skipValue();
        c.expect('}');
        c.expect(',');
        c.expect('{');

        assertEquals("materialized", first);
        org.junit.jupiter.api.Assertions.assertSame(first, c.fieldName());
    }

    @Test
    void aRecurringValueIsOneInstanceAndEveryOtherStringStillReadsRight() throws Exception {
        String longText = "x".repeat(300);
        JsonBytes c = cursor("[\"model.p.a\", \"model.p.a\", \"café\", \"café\", \"" + longText
                + "\", \"q\\\"uote\", \"model.p.b\"]");
        c.expect('[');
        List<String> read = new ArrayList<>();
        do {
            read.add(c.sharedString());
        } while (c.nextMember(']'));

        assertEquals(List.of("model.p.a", "model.p.a", "café", "café", longText, "q\"uote", "model.p.b"), read);
        org.junit.jupiter.api.Assertions.assertSame(read.get(0), read.get(1));
        assertEquals(
                List.of("model.p.a", "model.p.b"),
                cursor("[\"model.p.a\", 1, \"model.p.b\"]").sharedStrings());
        assertEquals("12", cursor("12").sharedScalar());
    }

    @Test
    void manyDistinctValuesAllReadBack() throws Exception {
        // past the table's first sizes, so that it grows several times
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"model.p.m").append(i).append('"');
        }
        json.append(",\"model.p.m42\"]");
        List<String> read = cursor(json.toString()).sharedStrings();

        assertEquals(5_001, read.size());
        for (int i = 0; i < 5_000; i++) {
            assertEquals("model.p.m" + i, read.get(i));
        }
        org.junit.jupiter.api.Assertions.assertSame(read.get(42), read.get(5_000));
    }

    @Test
    void listsAndKeysFollowTheNodeReadersRules() throws Exception {
        assertEquals(
                List.of("a", "b"),
                cursor("[\"a\", 1, null, {\"x\": []}, \"b\"]").sharedStrings());
        assertEquals(List.of("solo"), cursor("\"solo\"").sharedStrings());
        assertEquals(List.of(), cursor("{\"a\": 1}").sharedStrings());
        assertEquals(
                List.of("id", "name"),
                cursor("{\"id\": {\"x\": 1}, \"name\": []}").keys());
        assertEquals(List.of(), cursor("[\"id\"]").keys());
        assertEquals("1.5", cursor("1.5").scalar());
        assertEquals("true", cursor("true").scalar());
        assertEquals(null, cursor("null").scalar());
        assertEquals(null, cursor("[1]").scalar());
    }

    @Test
    void enterAnswersWhetherAFirstMemberFollowsAndPassesOverOtherValues() throws Exception {
        var object = cursor("{\"a\": 1} 7");
        assertTrue(object.enter('{'));
        assertEquals("a", object.fieldName());
        assertEquals("1", object.scalar());
        assertFalse(object.nextMember('}'));
        assertEquals("7", object.scalar());

        var empty = cursor("{ } 7");
        assertFalse(empty.enter('{'));
        assertEquals("7", empty.scalar());

        var emptyArray = cursor("[] 7");
        assertFalse(emptyArray.enter('['));
        assertEquals("7", emptyArray.scalar());

        var other = cursor("[{\"x\": [1, 2]}] 7");
        assertFalse(other.enter('{'));
        assertEquals("7", other.scalar());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"open",
                "\"bad \\x escape\"",
                "\"\\u12\"",
                "\"raw \n newline\"",
                "01",
                "1.",
                "-",
                "1e",
                ".5",
                "+1",
                "tru",
                "nul",
                "truex",
                "[1,]",
                "[1 2]",
                "{\"a\" 1}",
                "{\"a\": 1,}",
                "{a: 1}",
                "{\"a\": 1",
                "[",
                "{\"a\": [}",
                "NaN",
                "'a'"
            })
    void whatJacksonRefusesIsMalformed(String json) {
        assertThrows(IOException.class, () -> jackson(json.getBytes(StandardCharsets.UTF_8)), "Jackson: " + json);
        assertThrows(JsonBytes.Malformed.class, () -> cursor(json).skipValue(), "skip: " + json);
        assertThrows(JsonBytes.Malformed.class, () -> cursor(json).tree(), "tree: " + json);
    }

    @Test
    void nothingIsMalformed() {
        assertThrows(JsonBytes.Malformed.class, () -> cursor("").skipValue());
        assertThrows(JsonBytes.Malformed.class, () -> cursor("  ").tree());
    }

    @Test
    void nestingDeeperThanJacksonAllowsIsMalformed() {
        String deep = "[".repeat(2_001) + "]".repeat(2_001);
        String allowed = "[".repeat(1_999) + "]".repeat(1_999);

        assertThrows(JsonBytes.Malformed.class, () -> cursor(deep).skipValue());
        assertThrows(IOException.class, () -> jackson(deep.getBytes(StandardCharsets.UTF_8)));
        JsonBytes ok = cursor(allowed);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(ok::skipValue);
        assertEquals(allowed.length(), ok.pos());
    }

    @Test
    void longStringsWithEscapesAtEveryAlignmentAreSkippedToTheirEnd() throws Exception {
        // the plain-run scan reads eight bytes at a time: put the quote and escapes at every offset in a word
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add("x".repeat(i) + "\\\"" + "y".repeat(23 - i));
            texts.add("é".repeat(i) + "\\\\");
        }
        for (String text : texts) {
            String json = "\"" + text + "\"";
            JsonBytes c = cursor(json);
            c.skipValue();
            assertEquals(json.getBytes(StandardCharsets.UTF_8).length, c.pos(), json);
            assertEquals(
                    jackson(json.getBytes(StandardCharsets.UTF_8)).asText(),
                    cursor(json).string(),
                    json);
        }
    }
}
