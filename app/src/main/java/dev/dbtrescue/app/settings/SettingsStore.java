// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import dev.dbtrescue.app.project.AppFolders;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The settings, kept in memory and in one JSON file ({@code settings.json} in the settings folder).
 *
 * <p>{@link #load} reads the file once (blocking: call it off the FX thread, as {@code Application.init()} does).
 * After that {@link #current()} and {@link #update} work on the copy in memory and return at once, from any thread;
 * every update is written in the background by the store's own thread, the newest settings winning, atomically (a
 * {@code .part} file moved over the old one). {@link #close()} waits for the last write.
 *
 * <p>Never fails its caller: a missing file gives the defaults; a corrupt file or one of another version is logged as
 * a warning and gives the defaults, and a copy of it is kept as {@code settings.json.unreadable} before it is first
 * overwritten; a write that fails is logged as a warning. Thread-safe.
 */
public final class SettingsStore implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Optional<Path> file;
    private final ExecutorService writer;
    private final Object lock = new Object();
    private Settings current;
    private long written;
    private long changes;
    private boolean keepUnreadable;

    private SettingsStore(Optional<Path> file, Settings loaded, boolean unreadable) {
        this.file = file;
        this.current = loaded;
        this.keepUnreadable = unreadable;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dbt-rescue-settings");
            t.setDaemon(true);
            return t;
        });
    }

    /** The settings of the settings folder of {@code folders}; reads the file (blocking). */
    public static SettingsStore load(AppFolders folders) {
        return load(folders.settings().resolve("settings.json"));
    }

    /** The settings kept in {@code file}; reads it (blocking). It and its folder are created on the first change. */
    public static SettingsStore load(Path file) {
        if (!Files.exists(file)) {
            return new SettingsStore(Optional.of(file), Settings.DEFAULTS, false);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Settings read = SettingsJson.read(
                    text, problem -> LOG.log(Level.WARNING, "In the settings file " + file + ", " + problem));
            return new SettingsStore(Optional.of(file), read, false);
        } catch (NoSuchFileException e) {
            return new SettingsStore(Optional.of(file), Settings.DEFAULTS, false);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Ignoring the settings file " + file + ": " + e.getMessage()
                            + ". The defaults are used; the file is kept as " + file.getFileName()
                            + ".unreadable when the settings are next saved.");
            return new SettingsStore(Optional.of(file), Settings.DEFAULTS, true);
        }
    }

    /** Settings that live in memory only: for tests, and screens built without a settings folder. */
    public static SettingsStore inMemory() {
        return new SettingsStore(Optional.empty(), Settings.DEFAULTS, false);
    }

    /** The file the settings are kept in, empty for {@link #inMemory()}. */
    public Optional<Path> file() {
        return file;
    }

    /** The settings now. */
    public Settings current() {
        synchronized (lock) {
            return current;
        }
    }

    /**
     * Changes the settings now and saves them in the background.
     *
     * @param change makes the new settings from the current ones (called under the store's lock: keep it short)
     * @return the new settings
     */
    public Settings update(UnaryOperator<Settings> change) {
        Settings updated;
        synchronized (lock) {
            updated = change.apply(current);
            if (updated.equals(current)) {
                return current;
            }
            current = updated;
            changes++;
        }
        if (file.isPresent() && !writer.isShutdown()) {
            writer.execute(this::writeLatest);
        }
        return updated;
    }

    /** Waits until every change so far is written (or its write failed). */
    public void flush() {
        if (writer.isShutdown()) {
            return;
        }
        try {
            writer.submit(() -> {}).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The settings may not all be saved: " + e.getMessage());
        }
    }

    /** Writes what is still to be written and stops the writer thread; later changes stay in memory. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "The settings were still being written when the app stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the writer thread: the newest settings, once (updates queued behind this one find nothing new). */
    private void writeLatest() {
        Settings snapshot;
        long version;
        boolean keepCopy;
        synchronized (lock) {
            if (written == changes) {
                return;
            }
            snapshot = current;
            version = changes;
            keepCopy = keepUnreadable;
            keepUnreadable = false;
        }
        Path target = file.orElseThrow();
        try {
            Path folder = target.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            if (keepCopy && Files.exists(target)) {
                Files.copy(
                        target,
                        target.resolveSibling(target.getFileName() + ".unreadable"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.writeString(part, SettingsJson.write(snapshot), StandardCharsets.UTF_8);
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the settings to " + target + ": " + e.getMessage());
        }
        synchronized (lock) {
            written = Math.max(written, version);
        }
    }
}
