// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text of an OpenSSH client config prepared for JSch's parser, which does not follow {@code Include} lines (tools
 * such as OrbStack or Colima add their hosts through one) and keeps only the last of several {@code Host} blocks with
 * the same patterns (it keys blocks by their pattern text). Include lines are replaced by the files they name, and
 * each Host line gets a negated pattern of its own that matches no real host ({@code !dbt-rescue.block-N}), so
 * every block is kept and, as in {@code ssh}, the first value found wins. {@code Match} blocks are not evaluated: each
 * becomes a Host block for a name no one connects to, so its settings apply to no host (JSch would otherwise add them
 * to the Host block before it).
 */
final class SshConfigText {

    private static final int MAX_DEPTH = 16;

    private SshConfigText() {}

    /**
     * @param home the local home folder, for {@code ~}; relative Include paths are taken from the config's folder
     *     (for {@code ~/.ssh/config}, {@code ~/.ssh}, as {@code ssh} does)
     * @throws IOException if a file cannot be read, or Includes nest more than 16 deep (a loop)
     */
    static String read(Path config, Path home) throws IOException {
        List<String> lines = new ArrayList<>();
        Path dir = config.toAbsolutePath().getParent();
        append(config, dir == null ? home : dir, home, 0, lines);
        StringBuilder text = new StringBuilder();
        int block = 0;
        for (String line : lines) {
            text.append(line);
            String[] keyValue = line.strip().split("[=\\s]+", 2);
            if (keyValue.length == 2 && keyValue[0].equalsIgnoreCase("Match")) {
                // JSch would add a Match block's settings to the Host block before it; it applies to no host here.
                text.setLength(text.length() - line.length());
                text.append("Host dbt-rescue.match-").append(++block);
            } else if (keyValue.length == 2 && keyValue[0].equalsIgnoreCase("Host")) {
                text.append(" !dbt-rescue.block-").append(++block);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The host aliases the config names in its {@code Host} lines, in file order and each once, with Include lines
     * followed as {@link #read} follows them. Patterns ({@code *}, {@code ?}, {@code !host}) are left out: no one
     * connects to them by name. A missing config names no hosts.
     *
     * @throws IOException if a file cannot be read, or Includes nest more than 16 deep (a loop)
     */
    static List<String> hosts(Path config, Path home) throws IOException {
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        Path dir = config.toAbsolutePath().getParent();
        append(config, dir == null ? home : dir, home, 0, lines);
        Set<String> hosts = new LinkedHashSet<>();
        for (String line : lines) {
            String[] keyValue = line.strip().split("[=\\s]+", 2);
            if (keyValue.length < 2 || !keyValue[0].equalsIgnoreCase("Host")) {
                continue;
            }
            for (String alias : words(keyValue[1])) {
                if (!alias.isEmpty()
                        && alias.chars()
                                .noneMatch(c -> c == '*' || c == '?' || c == '!' || Character.isWhitespace(c))) {
                    hosts.add(alias);
                }
            }
        }
        return List.copyOf(hosts);
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

    private static void append(Path file, Path dir, Path home, int depth, List<String> lines) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] keyValue = line.strip().split("[=\\s]+", 2);
            if (keyValue.length < 2 || !keyValue[0].equalsIgnoreCase("Include")) {
                lines.add(line);
                continue;
            }
            if (depth >= MAX_DEPTH) {
                throw new IOException("Include lines nest more than " + MAX_DEPTH + " deep in " + file);
            }
            for (String pattern : keyValue[1].strip().split("\\s+")) {
                for (Path included : matches(unquote(pattern), dir, home)) {
                    append(included, dir, home, depth + 1, lines);
                }
            }
        }
    }

    /** The files a pattern names, sorted; a glob ({@code *}, {@code ?}) only in the last part of the path. */
    private static List<Path> matches(String pattern, Path dir, Path home) throws IOException {
        String expanded = pattern.startsWith("~/") ? home + pattern.substring(1) : pattern;
        Path path = dir.resolve(expanded);
        Path name = path.getFileName();
        Path parent = path.getParent();
        if (name == null || parent == null) {
            return List.of();
        }
        if (!name.toString().contains("*") && !name.toString().contains("?")) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            entries.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p))
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
