// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.app.common.HostKeyQuestions;
import dev.dbtrescue.runner.ssh.SshPrompts;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State and commands behind the "open a project" pane: the demo, a folder, artifact files, an SSH host, a recent
 * project or dropped files, with an optional state folder. Loads off the FX thread; the newest request wins, and a
 * cancelled or failed load leaves the project that is open as it is (only a successful load calls {@code opened}).
 *
 * <p>Commands are called on the FX thread. Uses javafx.beans/collections only, so it is tested without a toolkit.
 */
public final class OpenProjectViewModel {

    /** Progress value while the length of the work is unknown (ProgressBar's indeterminate). */
    public static final double INDETERMINATE = -1;

    private static final Logger LOG = System.getLogger(OpenProjectViewModel.class.getName());

    /** Makes the source to open, off the FX thread (classifying files touches the disk). */
    @FunctionalInterface
    private interface SourceResolver {
        ProjectSource resolve() throws ProjectLoadException;
    }

    private record Opened(ProjectSession session, List<ProjectSource> recents) {}

    private final ProjectLoader loader;
    private final RecentProjects recents;
    private final Executor background;
    private final Executor fx;
    private final Consumer<ProjectSession> opened;
    private final ArtifactClassifier classifier = new ArtifactClassifier();

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper firstStart = new ReadOnlyBooleanWrapper(this, "firstStart");
    private final ObservableList<ProjectSource> recent = FXCollections.observableArrayList();
    private final ObservableList<ProjectSource> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObjectProperty<Optional<Path>> stateFolder =
            new SimpleObjectProperty<>(this, "stateFolder", Optional.empty());
    private final ReadOnlyStringWrapper stateFolderText = new ReadOnlyStringWrapper(this, "stateFolderText");

    private long generation; // FX thread only
    private @Nullable Attempt current; // FX thread only
    private final HostKeyQuestions hostKeys;

    /**
     * Reads the recent projects in the background.
     *
     * @param opened called on the FX thread with each project that opened
     */
    public OpenProjectViewModel(
            ProjectLoader loader,
            RecentProjects recents,
            Executor background,
            Executor fx,
            Consumer<ProjectSession> opened) {
        this.loader = loader;
        this.recents = recents;
        this.background = background;
        this.fx = fx;
        this.hostKeys = new HostKeyQuestions(fx);
        this.opened = opened;
        stateFolder.subscribe(state -> stateFolderText.set(
                state.map(Path::toString).orElse("None: state:modified and friends select nothing")));
        CompletableFuture.supplyAsync(recents::list, background)
                .whenCompleteAsync(
                        (list, failure) -> {
                            if (list != null) {
                                setRecent(list);
                            }
                        },
                        fx);
    }

    /** True while a project is being opened. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the load is, 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the load is doing now ("Reading manifest.json"), or how the last one ended; empty when idle. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Why the last request failed, in words for the user (file, problem, what to do); empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when there are no recent projects (a first start): the demo is offered first. */
    public ReadOnlyBooleanProperty firstStartProperty() {
        return firstStart.getReadOnlyProperty();
    }

    /** The recent projects, most recent first. */
    public ObservableList<ProjectSource> getRecentProjects() {
        return recentView;
    }

    /** The state folder to compare against (production's artifacts), used by folder, files, SSH and drops. */
    public ObjectProperty<Optional<Path>> stateFolderProperty() {
        return stateFolder;
    }

    /** The state folder, for display. */
    public ReadOnlyStringProperty stateFolderTextProperty() {
        return stateFolderText.getReadOnlyProperty();
    }

    /** An unknown SSH host key waiting for the user's decision; empty when none. */
    public ReadOnlyObjectProperty<Optional<HostKeyQuestions.Question>> hostKeyQuestionProperty() {
        return hostKeys.currentProperty();
    }

    /** Chooses the state folder. */
    public void chooseStateFolder(Path folder) {
        stateFolder.set(Optional.of(folder));
    }

    /** Compares against no state. */
    public void clearStateFolder() {
        stateFolder.set(Optional.empty());
    }

    /** Opens a dbt project folder (artifacts from its target/). */
    public void openFolder(Path folder, Optional<Path> state) {
        ProjectSource source = new ProjectSource.LocalFolder(folder, state);
        start(source.describe(), () -> source);
    }

    /** Opens artifact files: manifest.json, run_results*.json and sources*.json, told apart by name or content. */
    public void openFiles(List<Path> files, Optional<Path> state) {
        List<Path> copy = List.copyOf(files);
        start(copy.size() + (copy.size() == 1 ? " file" : " files"), () -> classifier.classify(copy, state));
    }

    /**
     * Opens a project on an SSH host, copying its artifacts over SFTP.
     *
     * @param host a ~/.ssh/config alias or user@host[:port]
     * @param remoteDir the dbt project folder on the host
     * @param identityFile a private key to offer besides the agent's and the config's
     */
    public void openSsh(String host, String remoteDir, Optional<Path> identityFile, Optional<Path> state) {
        if (host.isBlank() || remoteDir.isBlank()) {
            failNow(
                    host.isBlank()
                            ? "Enter the SSH host: a ~/.ssh/config alias or user@host[:port]"
                            : "Enter the dbt project folder on " + host.strip() + ", for instance /srv/dbt/shop");
            return;
        }
        ProjectSource source = new ProjectSource.Ssh(host, remoteDir, identityFile, state);
        start(source.describe(), () -> source);
    }

    /** Opens the bundled demo: a real failed dbt build, with production's manifest as state. */
    public void openDemo() {
        ProjectSource source = new ProjectSource.Demo();
        start(source.describe(), () -> source);
    }

    /** Opens a recent project as it was opened, with its state folder. */
    public void openRecent(ProjectSource source) {
        start(source.describe(), () -> source);
    }

    /** Opens what was dropped: one folder is a project folder, JSON files are artifact files. */
    public void openDropped(List<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        Optional<Path> state = stateFolder.get();
        start(
                copy.size() == 1 ? copy.get(0).toString() : copy.size() + " files",
                () -> classifier.sourceOf(copy, state));
    }

    /** Opens a typed or pasted path, a project folder or an artifact file, with the chosen state folder. */
    public void openPath(String text) {
        if (text.isBlank()) {
            failNow("Enter the path of a dbt project folder or of its manifest.json");
            return;
        }
        try {
            openDropped(List.of(Path.of(text.strip())));
        } catch (InvalidPathException e) {
            failNow("'" + text.strip() + "' is not a valid path: " + e.getReason());
        }
    }

    /** Stops the load in progress; the project that was open stays open. */
    public void cancel() {
        if (current == null) {
            return;
        }
        cancelCurrent();
        generation++;
        busy.set(false);
        progress.set(0);
        step.set("Cancelled");
    }

    /** Answers the pending host key question: trust the key (it is added to known_hosts) or refuse the host. */
    public void answerHostKey(boolean trust) {
        hostKeys.answer(trust);
    }

    private void failNow(String message) {
        cancel();
        error.set(message);
        step.set("");
    }

    private void start(String what, SourceResolver resolver) {
        cancelCurrent();
        long request = ++generation;
        Attempt attempt = new Attempt(request);
        current = attempt;
        busy.set(true);
        progress.set(INDETERMINATE);
        step.set("Opening " + what);
        error.set("");
        SshPrompts prompts = SshPrompts.none().withHostKey(attempt::askHostKey);
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                ProjectSource source = resolver.resolve();
                                attempt.checkCancelled();
                                ProjectSession session = loader.load(source, attempt, prompts);
                                attempt.checkCancelled();
                                return new Opened(session, recents.add(source));
                            } catch (ProjectLoadException e) {
                                throw new CompletionException(e);
                            }
                        },
                        background)
                .whenCompleteAsync((result, failure) -> finish(attempt, result, failure), fx);
    }

    private void finish(Attempt attempt, @Nullable Opened result, @Nullable Throwable failure) {
        if (attempt.request != generation) {
            return; // cancelled or superseded: a newer request owns the pane
        }
        current = null;
        busy.set(false);
        answerHostKey(false);
        if (result != null) {
            setRecent(result.recents());
            progress.set(1);
            step.set("");
            opened.accept(result.session());
            return;
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        progress.set(0);
        step.set("");
        if (cause instanceof CancellationException) {
            step.set("Cancelled");
        } else if (cause instanceof ProjectLoadException e) {
            error.set(e.getMessage());
        } else {
            LOG.log(Level.ERROR, "Opening a project failed unexpectedly", cause);
            error.set(
                    "Could not open the project: " + cause + ". This is a bug in dbt-rescue; the log has the details");
        }
    }

    private void setRecent(List<ProjectSource> list) {
        recent.setAll(list);
        firstStart.set(list.isEmpty());
    }

    private void cancelCurrent() {
        Attempt previous = current;
        current = null;
        if (previous != null) {
            previous.cancel();
        }
        answerHostKey(false);
    }

    /** One request: its progress reports, its cancellation and its questions. */
    private final class Attempt implements LoadProgress {
        private final long request;
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
        private volatile boolean cancelled;

        Attempt(long request) {
            this.request = request;
        }

        @Override
        public void step(String text, double fraction) {
            fx.execute(() -> {
                if (request == generation) {
                    step.set(text);
                    progress.set(fraction < 0 ? INDETERMINATE : Math.min(1, fraction));
                }
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable action) {
            onCancel.add(action);
            if (cancelled && onCancel.remove(action)) {
                action.run();
            }
        }

        void cancel() {
            cancelled = true;
            for (Runnable action : onCancel) {
                if (onCancel.remove(action)) {
                    action.run();
                }
            }
        }

        /** Called on the loading thread: asks on the FX thread and waits for the answer (false when cancelled). */
        boolean askHostKey(String host, int port, String keyType, String fingerprint) {
            return hostKeys.ask(host, port, keyType, fingerprint, () -> request == generation, this::onCancel);
        }
    }
}
