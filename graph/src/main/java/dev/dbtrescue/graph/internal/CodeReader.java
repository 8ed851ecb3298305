// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one JSON string token at a byte offset of a file: how node SQL is loaded on demand. */
public final class CodeReader {

    private CodeReader() {}

    /** The JSON value at {@code offset} as a tree, empty when the file cannot be read or has none there. */
    public static Optional<JsonNode> treeAt(Path file, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            try (InputStream in = Channels.newInputStream(channel);
                    JsonParser parser = ArtifactFiles.MAPPER.createParser(in)) {
                return parser.nextToken() == null ? Optional.empty() : Optional.of(Trees.read(parser));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The string at {@code offset}, empty when the file cannot be read or has no string token there. */
    public static Optional<String> stringAt(Path file, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            try (InputStream in = Channels.newInputStream(channel);
                    JsonParser parser = ArtifactFiles.MAPPER.createParser(in)) {
                return parser.nextToken() == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
