// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Snapshot files of export structure under {@code app/src/test/resources/snapshots}: a test compares the lines it
 * derives with the committed file and fails with a line diff; {@code -Dsnapshots.update=true} rewrites the file
 * instead (review the change with {@code git diff} before committing it).
 */
final class Snapshots {

    private static final Path DIR = Path.of("app", "src", "test", "resources", "snapshots");
    private static final int CONTEXT = 2;

    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern TIME = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})? UTC\\b");
    private static final Pattern DURATION =
            Pattern.compile("\\b(\\d+d \\d+h|\\d+h \\d+m|\\d+m \\d+s|\\d+(\\.\\d+)? ?(ms|s))\\b");

    private Snapshots() {}

    /**
     * Replaces what changes when the demo's artifacts are regenerated or the test runs elsewhere: invocation ids,
     * times, durations and the project's temporary folder.
     */
    static String normalize(String line, Path project) {
        String out = line.replace(project.toAbsolutePath().toString(), "<project>");
        out = UUID.matcher(out).replaceAll("<invocation>");
        out = TIME.matcher(out).replaceAll("<time>");
        return DURATION.matcher(out).replaceAll("<duration>");
    }

    /** Fails unless {@code actual} equals the snapshot {@code name}; rewrites the snapshot when updating. */
    static void assertMatches(String name, List<String> actual) throws IOException {
        Path file = Fixtures.root().resolve(DIR).resolve(name);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no snapshot " + file + "; write it with -Dsnapshots.update=true and review it");
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(name + " differs from its snapshot " + file + " (- snapshot, + now). If the change is intended, run"
                    + " the test with -Dsnapshots.update=true and review the file's diff.\n" + diff(expected, actual));
        }
    }

    /** A line diff with {@value #CONTEXT} lines of context, line numbers of the snapshot. */
    static String diff(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] common = new int[n + 1][m + 1]; // longest common subsequence of the tails
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                rows.add(String.format("  %4d   %s", i + 1, expected.get(i)));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                rows.add(String.format("- %4d   %s", i + 1, expected.get(i)));
                i++;
            } else {
                rows.add(String.format("+ %4s   %s", "", actual.get(j)));
                j++;
            }
        }
        StringBuilder out = new StringBuilder();
        boolean skipped = false;
        for (int r = 0; r < rows.size(); r++) {
            if (nearChange(rows, r)) {
                out.append(rows.get(r)).append('\n');
                skipped = false;
            } else if (!skipped) {
                out.append("  ...\n");
                skipped = true;
            }
        }
        return out.toString();
    }

    private static boolean nearChange(List<String> rows, int r) {
        for (int k = Math.max(0, r - CONTEXT); k <= Math.min(rows.size() - 1, r + CONTEXT); k++) {
            if (!rows.get(k).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }
}
