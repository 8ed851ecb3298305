// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import dev.dbtrescue.runner.DbtProcess;
import dev.dbtrescue.runner.RunnerException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A dbt process whose output is read on a thread of its own, so a test can act while it runs. */
final class AwaitedRun {

    private final DbtProcess process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private AwaitedRun(DbtProcess process) {
        this.process = process;
    }

    static AwaitedRun of(DbtProcess process) {
        AwaitedRun run = new AwaitedRun(process);
        Thread.ofVirtual().name("await-dbt").start(() -> {
            try {
                run.exit.complete(process.await(run.lines::add));
            } catch (Throwable t) {
                run.exit.completeExceptionally(t);
            }
        });
        return run;
    }

    DbtProcess process() {
        return process;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for dbt's pid (the wrapper prints it before dbt starts). */
    long awaitPid(Duration timeout) throws InterruptedException {
        awaitCondition(() -> process.pid().isPresent(), timeout, "dbt's pid");
        return process.pid().getAsLong();
    }

    /** Waits for an output line that matches, and returns it. */
    String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        awaitCondition(() -> lines.stream().anyMatch(matching), timeout, "an expected output line");
        return lines.stream().filter(matching).findFirst().orElseThrow();
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (exit.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "; output so far: " + lines
                        + (exit.isDone() ? "; ended: " + outcome() : ""));
            }
            Thread.sleep(20);
        }
    }

    private String outcome() {
        try {
            return "exit " + exit.getNow(null);
        } catch (RuntimeException e) {
            return String.valueOf(e.getCause());
        }
    }

    /** dbt's exit code. */
    int exitCode(Duration timeout) throws Exception {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("await failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("dbt did not end within " + timeout + "; output: " + lines, e);
        }
    }

    /** The exception await ended with. */
    RunnerException failure(Duration timeout) throws Exception {
        try {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("await returned " + code + " instead of failing; output: " + lines);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunnerException r) {
                return r;
            }
            throw new AssertionError("await failed with " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("await did not end within " + timeout + "; output: " + lines, e);
        }
    }
}
