// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Tiny stand-ins for dbt, where what dbt does is not the point, and process checks on this (loopback) host. */
final class FakeDbt {

    private FakeDbt() {}

    /** A "dbt" that prints its folder, each argument and {@code $PROBE} on lines of their own, and exits 3. */
    static Path echoing(Path dir) throws IOException {
        return script(dir.resolve("echo-dbt"), """
                #!/bin/sh
                printf 'pwd=%s\\n' "$(pwd)"
                for a in "$@"; do printf 'arg=%s\\n' "$a"; done
                printf 'env=%s\\n' "$PROBE"
                exit 3
                """);
    }

    /**
     * A "dbt" that runs a child in its process group, prints the child's pid and waits for it (ten minutes). The
     * child runs in the foreground: a shell's background jobs ignore SIGINT, which is not what dbt does.
     */
    static Path sleeping(Path dir) throws IOException {
        return script(dir.resolve("sleepy-dbt"), """
                #!/bin/sh
                sh -c 'echo "child=$$"; exec sleep 600'
                """);
    }

    private static Path script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Whether a process of this machine is still alive (zombies count as gone). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the process is gone; true if it went within {@code timeout}. */
    static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The live (not zombie) processes of this machine in a process group. */
    static List<Long> processGroup(long pgid) throws IOException {
        List<Long> members = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (!fields[0].equals("Z") && Long.parseLong(fields[2]) == pgid) {
                        members.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return members;
    }

    /** Waits until no live process is left in the group; returns those left after {@code timeout}. */
    static List<Long> awaitGroupGone(long pgid, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> left = processGroup(pgid);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = processGroup(pgid);
        }
        return left;
    }
}
