// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over JSON held in memory as UTF-8 bytes, for readers that keep a few fields of a large document and pass
 * over the rest. Passing over a value only checks its grammar, without building tokens or strings: on the 2-core
 * machines here that is about four times as fast as Jackson's tokenizer over the same bytes, and most of a large
 * manifest is passed over ({@code columns}, {@code refs}, SQL, {@code child_map}, ...).
 *
 * <p>Values are checked against JSON's grammar (RFC 8259) as they are read or passed over, with two leniencies the
 * callers accept: bytes after the top-level value are not looked at, and the UTF-8 inside strings is not validated
 * (malformed sequences become U+FFFD). Any other departure throws {@link Malformed}, which carries no message meant
 * for users: the callers then read the document again with Jackson, which words the error with its line and column.
 *
 * <p>Strings, numbers and literals read as text equal what Jackson's {@code getText()} gives for them, and {@link
 * #tree()} builds the same tree as {@link Trees#read}. Not thread-safe: one cursor per thread.
 */
public final class JsonBytes {

    /** The bytes are not valid JSON at {@link #at()}. Without a stack trace: it is expected and caught. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int at;

        public Malformed(String what, int at) {
            super(what + " at byte " + at, null, false, false);
            this.at = at;
        }

        /** The byte offset where the problem was found. */
        public int at() {
            return at;
        }
    }

    private static final int MAX_DEPTH = 2_000;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final byte[] b;
    private final int end;
    private int pos;
    private final Names names = new Names(64);
    private final Names values = new Names(256);

    /** A cursor over {@code bytes[from, end)}, positioned at {@code from}. */
    public JsonBytes(byte[] bytes, int from, int end) {
        if (from < 0 || end > bytes.length || from > end) {
            throw new IllegalArgumentException("range " + from + ".." + end + " outside 0.." + bytes.length);
        }
        this.b = bytes;
        this.pos = from;
        this.end = end;
    }

    /** The bytes this cursor reads (not a copy). */
    public byte[] bytes() {
        return b;
    }

    /** The offset of the next byte to read. */
    public int pos() {
        return pos;
    }

    /** Moves to {@code offset} within this cursor's range. */
    public void seek(int offset) {
        if (offset < 0 || offset > end) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + end);
        }
        pos = offset;
    }

    /** Passes over whitespace. */
    public void skipSpace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** The next byte that is not whitespace, not consumed; the cursor is left on it. */
    public byte peek() throws Malformed {
        skipSpace();
        if (pos >= end) {
            throw new Malformed("unexpected end of input", pos);
        }
        return b[pos];
    }

    /** Consumes {@code c}, after whitespace. */
    public void expect(char c) throws Malformed {
        if (peek() != c) {
            throw new Malformed("expected '" + c + "'", pos);
        }
        pos++;
    }

    /** Consumes {@code c} if it comes next (after whitespace). */
    public boolean consumeIf(char c) throws Malformed {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /**
     * Enters the object ({@code '{'}) or array ({@code '['}) at the cursor and answers whether a first member follows,
     * to be read and followed by {@link #nextMember}. An empty one is consumed whole and any other value passed over;
     * both answer false.
     */
    public boolean enter(char open) throws Malformed {
        if (!consumeIf(open)) {
            skipValue();
            return false;
        }
        return !consumeIf(open == '{' ? '}' : ']');
    }

    /**
     * After a member of an object or an element of an array: consumes the comma and answers true, or consumes
     * {@code close} and answers false.
     */
    public boolean nextMember(char close) throws Malformed {
        byte c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw new Malformed("expected ',' or '" + close + "'", pos);
    }

    /**
     * Reads an object member's name and the colon after it. Names recur across a document, so each distinct name is
     * decoded once and the same {@link String} instance returned for it afterwards.
     */
    public String fieldName() throws Malformed {
        if (peek() != '"') {
            throw new Malformed("expected a field name", pos);
        }
        String name = decoded(names);
        expect(':');
        return name;
    }

    /** Passes over an object member's name and the colon after it, without decoding the name. */
    public void skipFieldName() throws Malformed {
        if (peek() != '"') {
            throw new Malformed("expected a field name", pos);
        }
        skipString();
        expect(':');
    }

    /**
     * Reads a string value that recurs in the document (an id, a package, a path, a tag): an ASCII string of up to
     * 256 bytes without escapes is decoded once per cursor and the same instance returned afterwards.
     */
    public String sharedString() throws Malformed {
        if (peek() != '"') {
            throw new Malformed("expected a string", pos);
        }
        return decoded(values);
    }

    /** The string at the cursor (its opening quote), through {@code table} when it has no escape. */
    private String decoded(Names table) throws Malformed {
        int start = pos + 1;
        int i = plainRun(start);
        if (i < end && b[i] == '"') {
            pos = i + 1;
            return table.name(b, start, i - start);
        }
        return string();
    }

    /** As {@link #scalar()}, reading a string with {@link #sharedString()}. */
    public String sharedScalar() throws Malformed {
        return peek() == '"' ? sharedString() : scalar();
    }

    /** Reads a string value. */
    public String string() throws Malformed {
        if (peek() != '"') {
            throw new Malformed("expected a string", pos);
        }
        int start = pos + 1;
        int i = plainRun(start);
        if (i >= end) {
            throw new Malformed("unterminated string", start - 1);
        }
        byte c = b[i];
        if (c == '"') {
            pos = i + 1;
            return new String(b, start, i - start, StandardCharsets.UTF_8);
        }
        if (c == '\\') {
            return escapedString(start, i);
        }
        throw new Malformed("control character in a string", i);
    }

    private String escapedString(int start, int firstEscape) throws Malformed {
        StringBuilder text = new StringBuilder(firstEscape - start + 16);
        text.append(new String(b, start, firstEscape - start, StandardCharsets.UTF_8));
        int i = firstEscape;
        int run = i;
        while (true) {
            if (i >= end) {
                throw new Malformed("unterminated string", start - 1);
            }
            byte c = b[i];
            if (c == '"') {
                text.append(new String(b, run, i - run, StandardCharsets.UTF_8));
                pos = i + 1;
                return text.toString();
            }
            if (c >= 0 && c < 0x20) {
                throw new Malformed("control character in a string", i);
            }
            if (c != '\\') {
                i++;
                continue;
            }
            text.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            if (i + 1 >= end) {
                throw new Malformed("unterminated string", start - 1);
            }
            byte e = b[i + 1];
            switch (e) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) hex4(i + 2));
                default -> throw new Malformed("invalid escape", i);
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
    }

    private int hex4(int at) throws Malformed {
        if (at + 4 > end) {
            throw new Malformed("truncated \\u escape", at);
        }
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(b[k], 16);
            if (digit < 0 || b[k] < 0) {
                throw new Malformed("invalid \\u escape", k);
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /**
     * Reads a scalar as text, as Jackson's {@code getText()} gives it: a string's content, a number as written, {@code
     * true} or {@code false}; null for JSON {@code null}. An object or array is passed over and gives null.
     */
    public String scalar() throws Malformed {
        byte c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipValue();
            return null;
        }
        int start = pos;
        skipValue();
        return c == 'n' ? null : new String(b, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** Passes over the next value, checking its grammar. */
    public void skipValue() throws Malformed {
        skip(0);
    }

    private void skip(int depth) throws Malformed {
        byte c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                checkDepth(depth);
                pos++;
                if (consumeIf('}')) {
                    return;
                }
                do {
                    if (peek() != '"') {
                        throw new Malformed("expected a field name", pos);
                    }
                    skipString();
                    expect(':');
                    skip(depth + 1);
                } while (nextMember('}'));
            }
            case '[' -> {
                checkDepth(depth);
                pos++;
                if (consumeIf(']')) {
                    return;
                }
                do {
                    skip(depth + 1);
                } while (nextMember(']'));
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void checkDepth(int depth) throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw new Malformed("nested too deeply", pos);
        }
    }

    /**
     * The offset of the first byte at or after {@code from} that ends a plain run of string content: a quote, a
     * backslash or a control character; {@link #end} when there is none. Looks at eight bytes at a time.
     */
    private int plainRun(int from) {
        int i = from;
        while (i + 8 <= end) {
            long w = (long) LONGS.get(b, i);
            long quote = w ^ QUOTES;
            long backslash = w ^ BACKSLASHES;
            long special = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - SPACES) & ~w);
            if ((special & HIGHS) != 0) {
                for (int k = i; k < i + 8; k++) {
                    if (ends(b[k])) {
                        return k;
                    }
                }
            }
            i += 8;
        }
        while (i < end && !ends(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean ends(byte c) {
        return c == '"' || c == '\\' || (c >= 0 && c < 0x20);
    }

    private void skipString() throws Malformed {
        int start = pos;
        int i = pos + 1;
        while (true) {
            i = plainRun(i);
            if (i >= end) {
                throw new Malformed("unterminated string", start);
            }
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                if (i + 1 >= end) {
                    throw new Malformed("unterminated string", start);
                }
                byte e = b[i + 1];
                if (e == 'u') {
                    hex4(i + 2);
                    i += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    i += 2;
                } else {
                    throw new Malformed("invalid escape", i);
                }
            } else if (c >= 0 && c < 0x20) {
                throw new Malformed("control character in a string", i);
            } else {
                i++;
            }
        }
    }

    private void literal(String word) throws Malformed {
        int n = word.length();
        if (pos + n > end) {
            throw new Malformed("invalid literal", pos);
        }
        for (int k = 0; k < n; k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw new Malformed("invalid literal", pos);
            }
        }
        pos += n;
        requireDelimiter();
    }

    /** A number per RFC 8259: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private void number() throws Malformed {
        int i = pos;
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i < end && b[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        if (i < end && b[i] == '.') {
            i = digits(i + 1);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            i = digits(i);
        }
        pos = i;
        requireDelimiter();
    }

    private int digits(int from) throws Malformed {
        int i = from;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == from) {
            throw new Malformed("invalid value", from);
        }
        return i;
    }

    /** After a number or literal: the next byte, if any, must end it. */
    private void requireDelimiter() throws Malformed {
        if (pos >= end) {
            return;
        }
        byte c = b[pos];
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            throw new Malformed("invalid value", pos);
        }
    }

    /**
     * Reads an array of strings, or one string, each with {@link #sharedString()}; other items are passed over.
     * Anything else gives an empty list.
     */
    public List<String> sharedStrings() throws Malformed {
        byte c = peek();
        if (c == '"') {
            return List.of(sharedString());
        }
        List<String> items = new ArrayList<>();
        if (!enter('[')) {
            return items;
        }
        do {
            if (peek() == '"') {
                items.add(sharedString());
            } else {
                skipValue();
            }
        } while (nextMember(']'));
        return items;
    }

    /** Reads an object's member names in order, passing over their values; anything else gives an empty list. */
    public List<String> keys() throws Malformed {
        List<String> keys = new ArrayList<>();
        if (!enter('{')) {
            return keys;
        }
        do {
            keys.add(fieldName());
            skipValue();
        } while (nextMember('}'));
        return keys;
    }

    /** Reads the next value as a tree, as {@link Trees#read} builds it from Jackson's tokens. */
    public JsonNode tree() throws Malformed {
        return tree(0);
    }

    private JsonNode tree(int depth) throws Malformed {
        byte c = peek();
        switch (c) {
            case '"' -> {
                return NODES.textNode(string());
            }
            case '{' -> {
                checkDepth(depth);
                pos++;
                ObjectNode object = NODES.objectNode();
                if (consumeIf('}')) {
                    return object;
                }
                do {
                    String field = fieldName();
                    object.set(field, tree(depth + 1));
                } while (nextMember('}'));
                return object;
            }
            case '[' -> {
                checkDepth(depth);
                pos++;
                ArrayNode array = NODES.arrayNode();
                if (consumeIf(']')) {
                    return array;
                }
                do {
                    array.add(tree(depth + 1));
                } while (nextMember(']'));
                return array;
            }
            case 't' -> {
                literal("true");
                return NODES.booleanNode(true);
            }
            case 'f' -> {
                literal("false");
                return NODES.booleanNode(false);
            }
            case 'n' -> {
                literal("null");
                return NODES.nullNode();
            }
            default -> {
                int start = pos;
                number();
                return numberNode(new String(b, start, pos - start, StandardCharsets.US_ASCII));
            }
        }
    }

    /** An integer as the smallest of int, long and BigInteger that holds it (as Jackson types it); else a double. */
    private static JsonNode numberNode(String text) {
        boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (!integral) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        int digits = text.length() - (text.charAt(0) == '-' ? 1 : 0);
        if (digits <= 9) {
            return NODES.numberNode(Integer.parseInt(text));
        }
        if (digits <= 18) {
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    /**
     * Decoded ASCII strings by their bytes, each decoded once per cursor: member names, and ids and other values that
     * recur. Other strings are decoded each time.
     */
    private static final class Names {
        private final int maxLength;
        private String[] values = new String[1024];
        private int[] hashes = new int[1024];
        private int size;

        Names(int maxLength) {
            this.maxLength = maxLength;
        }

        String name(byte[] bytes, int from, int length) {
            if (length > maxLength) {
                return new String(bytes, from, length, StandardCharsets.UTF_8);
            }
            int hash = 1;
            for (int i = from; i < from + length; i++) {
                byte c = bytes[i];
                if (c < 0) {
                    return new String(bytes, from, length, StandardCharsets.UTF_8); // not ASCII
                }
                hash = 31 * hash + c;
            }
            int mask = values.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (true) {
                String value = values[slot];
                if (value == null) {
                    value = new String(bytes, from, length, StandardCharsets.US_ASCII);
                    values[slot] = value;
                    hashes[slot] = hash;
                    if (++size * 2 > values.length) {
                        grow();
                    }
                    return value;
                }
                if (hashes[slot] == hash && sameAscii(value, bytes, from, length)) {
                    return value;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static boolean sameAscii(String value, byte[] bytes, int from, int length) {
            if (value.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (value.charAt(i) != bytes[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] oldValues = values;
            int[] oldHashes = hashes;
            values = new String[oldValues.length * 2];
            hashes = new int[oldValues.length * 2];
            int mask = values.length - 1;
            for (int i = 0; i < oldValues.length; i++) {
                if (oldValues[i] == null) {
                    continue;
                }
                int hash = oldHashes[i];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                values[slot] = oldValues[i];
                hashes[slot] = hash;
            }
        }
    }
}
