// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host aliases an OpenSSH client config names in its {@code Host} lines, in file order, following
 * {@code Include} lines as {@code ssh} does (relative paths from the config's folder, {@code ~} for the home folder, a
 * glob in the file name). Patterns ({@code *}, {@code ?}, {@code !host}) are not hosts anyone connects to by name, so
 * they are skipped.
 */
public final class SshConfigHosts {

    private static final int MAX_DEPTH = 16;

    private SshConfigHosts() {}

    /**
     * @param config the config file, usually {@code ~/.ssh/config}; a missing one names no hosts
     * @param home the home folder, for {@code ~} in Include lines
     * @return the aliases, each once; empty when the file is missing
     * @throws IOException if a file cannot be read or Includes nest more than 16 deep (a loop)
     */
    public static List<String> read(Path config, Path home) throws IOException {
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        Set<String> hosts = new LinkedHashSet<>();
        Path dir = config.toAbsolutePath().getParent();
        collect(config, dir == null ? home : dir, home, 0, hosts);
        return List.copyOf(hosts);
    }

    private static void collect(Path file, Path dir, Path home, int depth, Set<String> hosts) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("Include lines nest more than " + MAX_DEPTH + " deep in " + file);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] keyValue = line.strip().split("[=\\s]+", 2);
            if (keyValue.length < 2 || keyValue[0].startsWith("#")) {
                continue;
            }
            if (keyValue[0].equalsIgnoreCase("Host")) {
                for (String alias : words(keyValue[1])) {
                    if (!alias.isEmpty()
                            && alias.chars()
                                    .noneMatch(c -> c == '*' || c == '?' || c == '!' || Character.isWhitespace(c))) {
                        hosts.add(alias);
                    }
                }
            } else if (keyValue[0].equalsIgnoreCase("Include")) {
                for (String pattern : words(keyValue[1])) {
                    for (Path included : matches(pattern, dir, home)) {
                        collect(included, dir, home, depth + 1, hosts);
                    }
                }
            }
        }
    }

    /** The files a pattern names, sorted; a glob only in the file name. */
    private static List<Path> matches(String pattern, Path dir, Path home) throws IOException {
        String expanded = pattern.startsWith("~/") ? home + pattern.substring(1) : pattern;
        Path path = dir.resolve(expanded);
        Path name = path.getFileName();
        Path parent = path.getParent();
        if (name == null || parent == null) {
            return List.of();
        }
        if (name.toString().chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parent, name.toString())) {
            files.forEach(f -> {
                if (Files.isRegularFile(f)) {
                    out.add(f);
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** The words of a value: separated by white space, a double-quoted word kept whole (without its quotes). */
    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : value.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }
}
