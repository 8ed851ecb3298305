// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files the commands write for the user: missing folders above them are made. */
final class OutputFiles {

    private OutputFiles() {}

    /** Makes the folders above {@code file} that do not exist yet. */
    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Writes {@code text} as UTF-8, replacing the file and making the folders above it. */
    static void write(Path file, String text) throws IOException {
        createParent(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
