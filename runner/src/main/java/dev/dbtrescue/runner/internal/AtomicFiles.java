// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces files so that a reader (or a crash) never sees half of one: write beside, then move in place. */
public final class AtomicFiles {

    /** Writes a file's new content to the path it is given. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @return false when there is nothing to write (the source does not exist); the target is then untouched
         */
        boolean write(Path part) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} through {@code writer} into {@code target.part}, then moves it over {@code target}.
     *
     * @return false when the writer had nothing to write
     */
    public static boolean replace(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (!writer.write(part)) {
                Files.deleteIfExists(part);
                return false;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Copies {@code from} over {@code to} atomically; false (and nothing written) when {@code from} is missing. */
    public static boolean copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return false;
        }
        return replace(to, part -> {
            Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
            return true;
        });
    }
}
