// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {

    @TempDir
    Path locks;

    @Test
    void aSecondRunOfTheSameProjectIsRefusedNamingTheFirst() throws Exception {
        try (ProjectLock first = ProjectLock.acquire(locks, "local:/p", Path.of("/j/first.jsonl"))) {
            RunnerException e = assertThrows(
                    RunnerException.class, () -> ProjectLock.acquire(locks, "local:/p", Path.of("/j/second.jsonl")));
            assertEquals(RunnerException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("/j/first.jsonl"), e.getMessage());
        }
    }

    @Test
    void otherProjectsAreNotLocked() throws Exception {
        try (ProjectLock a = ProjectLock.acquire(locks, "local:/a", Path.of("a"));
                ProjectLock b = ProjectLock.acquire(locks, "ssh:me@h:22:/a", Path.of("b"))) {
            assertFalse(a.file().equals(b.file()));
        }
    }

    @Test
    void releasingEmptiesTheLockFileSoTheNextRunFindsNoStaleHolder() throws Exception {
        Path file;
        try (ProjectLock lock = ProjectLock.acquire(locks, "local:/p", Path.of("j"))) {
            file = lock.file();
            assertTrue(Files.size(file) > 0);
        }
        assertEquals(0, Files.size(file));
        try (ProjectLock next = ProjectLock.acquire(locks, "local:/p", Path.of("k"))) {
            assertEquals(Optional.empty(), next.staleHolder());
            assertEquals(file, next.file());
        }
    }

    @Test
    void aLockLeftByAKilledProcessIsStaleAndTakenOver() throws Exception {
        // A real process takes the lock (a POSIX record lock, as the JVM takes), writes its record, and is killed with
        // SIGKILL.
        Path file;
        try (ProjectLock probe = ProjectLock.acquire(locks, "local:/p", Path.of("j"))) {
            file = probe.file();
        }
        Process holder = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import fcntl, os, sys, time\n"
                                + "f = open(sys.argv[1], 'a+')\n"
                                + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                                + "f.truncate(0)\n"
                                + "f.write('{\"pid\":%d,\"started\":\"then\",\"journal\":\"old.jsonl\"}' % os.getpid())\n"
                                + "f.flush()\n"
                                + "print('locked', flush=True)\n"
                                + "time.sleep(60)\n",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
        assertThrows(RunnerException.class, () -> ProjectLock.acquire(locks, "local:/p", Path.of("j")));
        holder.destroyForcibly();
        assertTrue(holder.waitFor(10, TimeUnit.SECONDS));

        try (ProjectLock lock = ProjectLock.acquire(locks, "local:/p", Path.of("new.jsonl"))) {
            assertEquals(
                    Optional.of("(pid " + holder.pid() + ", started then, journal old.jsonl)"), lock.staleHolder());
        }
    }
}
