// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import dev.dbtrescue.app.common.HostKeyQuestions;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.settings.SavedHost;
import dev.dbtrescue.app.settings.Settings;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunRequest;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.local.LocalExecutor;
import dev.dbtrescue.runner.ssh.SshExecutor;
import dev.dbtrescue.runner.ssh.SshPrompts;
import dev.dbtrescue.runner.ssh.SshSettings;
import dev.dbtrescue.runner.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The run panel's state: runs a plan with dbt on this machine or an SSH host through the journaled plan runner, and
 * shows it live. Events arrive on the runner's thread and are queued; the FX thread takes them in one batch at most
 * every {@link #DRAIN_MILLIS} ms (never one {@code runLater} per line), so a thousand node events a second cost a
 * handful of pulses. After every batch the project's artifacts are read again and the new statuses shown. Call it on
 * the FX thread.
 */
public final class RunViewModel {

    /** How long events wait before the FX thread takes them, at most. */
    static final long DRAIN_MILLIS = 50;

    /** The log keeps this many lines; older ones are dropped (the journal and dbt's log keep everything). */
    static final int MAX_LOG_LINES = 20_000;

    /** The log levels a filter can show. */
    public static final List<String> LEVELS = List.of("all", "info", "warn", "error");

    /** The host choice that runs dbt on this machine (as does an empty host). */
    public static final String LOCAL = "local";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /**
     * One console line.
     *
     * @param at when it happened
     * @param level {@code info}, {@code warn} or {@code error}
     * @param node the node's unique_id, empty when about none
     * @param text the line
     */
    public record LogRow(Instant at, String level, String node, String text) {
        @Override
        public String toString() {
            return TIME.format(at) + "  " + text;
        }
    }

    /**
     * One run of this project, from its journal.
     *
     * @param journal the journal file
     * @param when when the run started, for people
     * @param outcome how it ended, or that it did not
     * @param resumable true when some planned node has no successful result yet
     * @param interrupted true when the run did not end on its own or by the user: dbt-rescue was closed or killed
     *     (the journal has no end), or the SSH connection dropped
     */
    public record HistoryRow(Path journal, String when, String outcome, boolean resumable, boolean interrupted) {
        @Override
        public String toString() {
            return when + " · " + outcome + (resumable ? " · can resume" : "");
        }
    }

    /** Reads an opened project's artifacts again, off the FX thread. */
    @FunctionalInterface
    public interface Reloader {
        ProjectSession reload(ProjectSession session) throws Exception;
    }

    private final RunStore store;
    private final SshSettings sshSettings;
    private final Executor background;
    private final Executor fx;
    private final Executor drainLater;
    private final Clock clock;
    private final Reloader reloader;
    private final SettingsStore settings;
    private final ObservableList<String> hostChoices = FXCollections.observableArrayList(LOCAL);
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<String> hostChoicesView = FXCollections.unmodifiableObservableList(hostChoices);
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper(this, "remote");
    private final ReadOnlyBooleanWrapper hostSaved = new ReadOnlyBooleanWrapper(this, "hostSaved");
    private List<String> configHosts = List.of();
    private long hostChoicesGeneration;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty remoteDir = new SimpleStringProperty(this, "remoteDir", "");
    private final StringProperty dbtExecutable = new SimpleStringProperty(this, "dbtExecutable", "");
    private final StringProperty policy = new SimpleStringProperty(this, "policy", "stop");
    private final BooleanProperty retry = new SimpleBooleanProperty(this, "retry", false);
    private final StringProperty startAt = new SimpleStringProperty(this, "startAt", "");
    private final StringProperty levelFilter = new SimpleStringProperty(this, "levelFilter", "all");
    private final StringProperty nodeFilter = new SimpleStringProperty(this, "nodeFilter", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper(this, "remaining", "");
    private final HostKeyQuestions hostKeys;
    private final ReadOnlyObjectWrapper<Map<Integer, NodeStatus>> live =
            new ReadOnlyObjectWrapper<>(this, "live", Map.of());
    private final ObservableList<LogRow> log = FXCollections.observableArrayList();
    private final FilteredList<LogRow> shownLog = new FilteredList<>(log);
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    // one wrapper for every caller: a listener added to a fresh wrapper dies when that wrapper is collected
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Map<String, List<String>> nodeLogs = new HashMap<>();
    private final Map<Integer, NodeStatus> liveStatuses = new HashMap<>();
    private final Set<String> done = new HashSet<>();

    private @Nullable ProjectSession session;
    private @Nullable RunHandle handle;
    private Consumer<ProjectSession> reloaded = s -> {};
    private Supplier<@Nullable RerunPlan> planSource = () -> null;
    private final BooleanProperty planReady = new SimpleBooleanProperty(this, "planReady", false);
    private Consumer<List<NodeId>> selectRemaining = ids -> {};
    private Consumer<Set<String>> nodeLogged = ids -> {};
    private List<NodeId> remainingNodes = List.of();
    private final ReadOnlyObjectWrapper<Optional<HistoryRow>> resumeOffer =
            new ReadOnlyObjectWrapper<>(this, "resumeOffer", Optional.empty());
    private @Nullable Path offeredFor; // the project folder whose runs were last looked at for an offer
    private long waitGeneration;
    private long reloadGeneration;
    private long historyGeneration;
    private @Nullable Instant started;
    private Duration estimated = Duration.ZERO;
    /** The plan's nodes that report a result: progress counts these (dbt also reports nodes run implicitly). */
    private Set<String> planned = Set.of();

    /** A run panel that remembers hosts and dbt executables in memory only. */
    public RunViewModel(
            RunStore store, SshSettings sshSettings, Reloader reloader, Executor background, Executor fx, Clock clock) {
        this(store, sshSettings, reloader, background, fx, clock, SettingsStore.inMemory());
    }

    /**
     * @param store where journals and batch artifacts are kept
     * @param sshSettings ssh config, keys and known_hosts for remote runs; the config's Host aliases are offered as
     *     hosts
     * @param reloader reads the project's artifacts again after each batch
     * @param settings where the saved SSH hosts and each project's dbt executable are kept
     */
    public RunViewModel(
            RunStore store,
            SshSettings sshSettings,
            Reloader reloader,
            Executor background,
            Executor fx,
            Clock clock,
            SettingsStore settings) {
        this.store = store;
        this.sshSettings = sshSettings;
        this.reloader = reloader;
        this.background = background;
        this.fx = fx;
        this.hostKeys = new HostKeyQuestions(fx);
        this.drainLater = CompletableFuture.delayedExecutor(DRAIN_MILLIS, TimeUnit.MILLISECONDS, fx);
        this.clock = clock;
        this.settings = settings;
        host.addListener((o, a, b) -> updateHostState());
        updateHostState();
        rebuildHostChoices();
        levelFilter.addListener((o, a, b) -> refilter());
        nodeFilter.addListener((o, a, b) -> refilter());
        searchText.addListener((o, a, b) -> refilter());
    }

    /** Called on the FX thread with the project as read again after a batch (and at the end of a run). */
    public void onReloaded(Consumer<ProjectSession> listener) {
        reloaded = listener;
    }

    /** Where {@link #start()} takes the plan to run from (the plan panel's current plan). */
    public void setPlanSource(Supplier<@Nullable RerunPlan> source) {
        planSource = source;
    }

    /** True when there is a plan to run (bound to the plan panel by the window). */
    public BooleanProperty planReadyProperty() {
        return planReady;
    }

    /** Runs the current plan now, or at {@link #startAtProperty()}. */
    public void start() {
        start(planSource.get());
    }

    /**
     * Called on the FX thread with the unique ids whose {@link #nodeLog} grew (or with the empty set when a new run
     * cleared every node's log).
     */
    public void onNodeLog(Consumer<Set<String>> listener) {
        nodeLogged = listener;
    }

    /** Called with the nodes that still need a run when the user asks to select them. */
    public void onSelectRemaining(Consumer<List<NodeId>> listener) {
        selectRemaining = listener;
    }

    /**
     * The SSH destination ({@code ~/.ssh/config} alias or {@code user@host[:port]}); {@link #LOCAL} or empty to run on
     * this machine.
     */
    public StringProperty hostProperty() {
        return host;
    }

    /**
     * What the host list offers: {@link #LOCAL}, the saved hosts (most recently used first), then the Host aliases of
     * the ssh config (patterns left out), each once. The config is read by {@link #refreshHostChoices()}.
     */
    public ObservableList<String> getHostChoices() {
        return hostChoicesView;
    }

    /** True when the host is an SSH host, not this machine. */
    public ReadOnlyBooleanProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    /** True when the host is a saved host, which {@link #forgetHost()} removes. */
    public ReadOnlyBooleanProperty hostSavedProperty() {
        return hostSaved.getReadOnlyProperty();
    }

    /**
     * Picks a host from the list: a saved host fills its remote folder and dbt executable; {@link #LOCAL} brings back
     * the project's own dbt executable.
     */
    public void chooseHost(String choice) {
        host.set(choice.strip());
        if (!remote.get()) {
            ProjectSession s = session;
            if (s != null) {
                dbtExecutable.set(settings.current().projectDbt(s.origin()).orElse(""));
            }
            return;
        }
        settings.current().host(choice).ifPresent(saved -> {
            if (!saved.remoteDir().isEmpty()) {
                remoteDir.set(saved.remoteDir());
            }
            dbtExecutable.set(saved.dbtExecutable());
        });
    }

    /** Removes the current host from the saved hosts (the ssh config's aliases stay offered). */
    public void forgetHost() {
        String destination = host.get().strip();
        if (!hostSaved.get()) {
            return;
        }
        settings.update(s -> s.withoutHost(destination));
        updateHostState();
        rebuildHostChoices();
    }

    /** Reads the ssh config's Host aliases again, off the FX thread, and offers them. */
    public void refreshHostChoices() {
        long request = ++hostChoicesGeneration;
        SshSettings ssh = sshSettings;
        Path home = Path.of(System.getProperty("user.home"));
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return ssh.configHosts(home);
                            } catch (IOException | RuntimeException e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        },
                        background)
                .whenCompleteAsync(
                        (aliases, failure) -> {
                            if (request != hostChoicesGeneration) {
                                return;
                            }
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                error.set("Could not read the hosts of the ssh config " + ssh.sshConfig() + ": "
                                        + cause.getMessage());
                                return;
                            }
                            configHosts = aliases;
                            rebuildHostChoices();
                        },
                        fx);
    }

    /** The project folder on the SSH host. */
    public StringProperty remoteDirProperty() {
        return remoteDir;
    }

    /** The dbt executable; empty for the project's {@code .venv} or {@code venv}, then {@code PATH}. */
    public StringProperty dbtExecutableProperty() {
        return dbtExecutable;
    }

    /** {@code stop} after a failed batch, or {@code continue} with the nodes that do not depend on a failure. */
    public StringProperty policyProperty() {
        return policy;
    }

    /** Retry a failed batch once with its nodes that did not succeed. */
    public BooleanProperty retryProperty() {
        return retry;
    }

    /** {@code HH:MM} to start at that local time (today, or tomorrow when it has passed); empty to start at once. */
    public StringProperty startAtProperty() {
        return startAt;
    }

    /** The console's level filter: one of {@link #LEVELS}. */
    public StringProperty levelFilterProperty() {
        return levelFilter;
    }

    /** Show only lines about nodes whose unique_id contains this. */
    public StringProperty nodeFilterProperty() {
        return nodeFilter;
    }

    /** Show only lines that contain this (case-insensitive). */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Keep the newest line in view. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** True while dbt runs (or the runner prepares). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the run waits for its start time. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** "Starts at 02:00 in 1 h 12 min", while waiting. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** Done nodes over planned nodes, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 / 40 nodes · 3m 10s of about 8m". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the last run did, when it ended. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why a run could not start or stopped, empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The nodes that still need a run after the last run, as dbt arguments; empty when none. */
    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** A host key question waiting for an answer. */
    public ReadOnlyObjectProperty<Optional<HostKeyQuestions.Question>> hostKeyQuestionProperty() {
        return hostKeys.currentProperty();
    }

    /** The live status of every node the current run started or finished, by graph index. */
    public ReadOnlyObjectProperty<Map<Integer, NodeStatus>> liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The console lines the filters let through. */
    public ObservableList<LogRow> getLog() {
        return shownLog;
    }

    /** The runs of this project, newest first. */
    public ObservableList<HistoryRow> getHistory() {
        return historyView;
    }

    /** What the current run logged about one node (for the detail pane). */
    public List<String> nodeLog(String uniqueId) {
        return List.copyOf(nodeLogs.getOrDefault(uniqueId, List.of()));
    }

    /** A project opened: its place preselects where to run; its earlier runs are listed. */
    public void setSession(@Nullable ProjectSession newSession) {
        ProjectSession previous = session;
        session = newSession;
        if (newSession != null && !running.get()) {
            host.set(newSession.place().host().orElse(LOCAL));
            remoteDir.set(newSession.place().remoteDir().orElse(""));
            if (previous == null || !previous.origin().equals(newSession.origin())) {
                dbtExecutable.set(dbtFor(newSession));
            }
        }
        Path folder = newSession == null ? null : newSession.place().folder().orElse(null);
        boolean anotherProject = !Objects.equals(folder, offeredFor);
        offeredFor = folder;
        if (anotherProject) {
            resumeOffer.set(Optional.empty());
        }
        refreshHistory(anotherProject && !running.get());
    }

    /**
     * The run to offer resuming when a project opens: its newest run, when that run never reached its end (the app
     * was closed or killed, or the connection dropped) and some of its nodes still need a run. Empty otherwise, and
     * once the offer is taken or dismissed.
     */
    public ReadOnlyObjectProperty<Optional<HistoryRow>> resumeOfferProperty() {
        return resumeOffer.getReadOnlyProperty();
    }

    /** Resumes the offered run (see {@link #resumeOfferProperty()}). */
    public void acceptResumeOffer() {
        Optional<HistoryRow> offered = resumeOffer.get();
        resumeOffer.set(Optional.empty());
        offered.ifPresent(this::resume);
    }

    /** Drops the offer to resume; the run stays in the history, where it can still be resumed. */
    public void dismissResumeOffer() {
        resumeOffer.set(Optional.empty());
    }

    /** The project's own dbt executable, else the saved host's, else none (the project's venv, then PATH). */
    private String dbtFor(ProjectSession project) {
        Settings saved = settings.current();
        return saved.projectDbt(project.origin())
                .or(() -> project.place().host().flatMap(saved::host).map(SavedHost::dbtExecutable))
                .orElse("");
    }

    private boolean isLocal(String destination) {
        return destination.isBlank() || destination.strip().equalsIgnoreCase(LOCAL);
    }

    private void updateHostState() {
        remote.set(!isLocal(host.get()));
        hostSaved.set(remote.get() && settings.current().host(host.get()).isPresent());
    }

    private void rebuildHostChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(LOCAL);
        settings.current().hosts().forEach(h -> choices.add(h.destination()));
        configHosts.stream().filter(h -> !choices.contains(h)).forEach(choices::add);
        if (!choices.equals(hostChoices)) {
            hostChoices.setAll(choices);
        }
    }

    /** A run reached the host: it is saved (or moved first) with the folder and dbt it ran with. */
    void rememberHost(SavedHost reached) {
        settings.update(s -> s.withHost(reached));
        updateHostState();
        rebuildHostChoices();
    }

    /** Starts the plan now, or at {@link #startAtProperty()}. */
    public void start(@Nullable RerunPlan plan) {
        ProjectSession s = session;
        error.set("");
        if (s == null || plan == null || plan.batches().isEmpty()) {
            error.set("Nothing to run: plan a selection first.");
            return;
        }
        if (running.get() || waiting.get()) {
            error.set("A run is already under way.");
            return;
        }
        Optional<String> why = isLocal(host.get()) ? s.place().whyNotRunnable() : Optional.empty();
        if (why.isPresent()) {
            error.set(why.get());
            return;
        }
        if (!isLocal(host.get()) && remoteDir.get().isBlank()) {
            error.set("Give the project folder on " + host.get() + " to run there.");
            return;
        }
        if (startAt.get().isBlank()) {
            launch(s, plan, Optional.empty());
            return;
        }
        LocalTime at;
        try {
            at = LocalTime.parse(startAt.get().strip());
        } catch (DateTimeParseException e) {
            error.set("Start at '" + startAt.get() + "': give a time as HH:MM, for instance 02:30, or leave it empty"
                    + " to start now.");
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        LocalDateTime when = now.toLocalDate().atTime(at);
        if (!when.isAfter(now)) {
            when = when.plusDays(1);
        }
        Instant startInstant = when.atZone(ZoneId.systemDefault()).toInstant();
        waiting.set(true);
        long generation = ++waitGeneration;
        tick(generation, startInstant, () -> launch(s, plan, Optional.empty()));
    }

    /** Resumes a run from its journal: the nodes without a successful result run again, in plan order. */
    public void resume(HistoryRow row) {
        ProjectSession s = session;
        error.set("");
        if (s == null || running.get() || waiting.get()) {
            return;
        }
        launch(s, null, Optional.of(row.journal()));
    }

    /** Stops the wait for the start time, or the run (dbt is interrupted, then killed after a grace period). */
    public void cancel() {
        if (waiting.get()) {
            waitGeneration++;
            waiting.set(false);
            countdown.set("");
            summary.set("The scheduled run was cancelled before it started.");
            return;
        }
        hostKeys.answer(false); // a host key question of this run is refused with it
        RunHandle h = handle;
        if (h != null) {
            appendNow("warn", "", "Cancelling: dbt is asked to stop, and killed if it does not within 10 s");
            h.cancel();
        }
    }

    /** Answers the pending host key question: trust the key (added to known_hosts) or refuse the host. */
    public void answerHostKey(boolean trust) {
        hostKeys.answer(trust);
    }

    /** Asks for the nodes that still need a run to be selected (and so planned). */
    public void selectRemaining() {
        if (!remainingNodes.isEmpty()) {
            selectRemaining.accept(remainingNodes);
        }
    }

    private void tick(long generation, Instant at, Runnable go) {
        if (generation != waitGeneration) {
            return;
        }
        Duration left = Duration.between(clock.instant(), at);
        if (left.isNegative() || left.isZero()) {
            waiting.set(false);
            countdown.set("");
            go.run();
            return;
        }
        countdown.set("Starts at " + TIME.format(at).substring(0, 5) + ", in " + Durations.format(left.withNanos(0)));
        CompletableFuture.delayedExecutor(Math.min(1000, left.toMillis()), TimeUnit.MILLISECONDS, fx)
                .execute(() -> tick(generation, at, go));
    }

    private void launch(ProjectSession s, @Nullable RerunPlan plan, Optional<Path> resumeJournal) {
        Path folder = s.place().folder().orElse(null);
        if (folder == null) {
            error.set("The project was opened from single artifact files: open its folder to run it.");
            return;
        }
        resumeOffer.set(Optional.empty());
        log.clear();
        nodeLogs.clear();
        nodeLogged.accept(Set.of());
        liveStatuses.clear();
        live.set(Map.of());
        done.clear();
        summary.set("");
        remaining.set("");
        remainingNodes = List.of();
        progress.set(0);
        started = clock.instant();
        estimated = plan == null ? Duration.ZERO : plan.estimated();
        planned = plan == null ? Set.of() : resultNodes(plan, s.project().graph());
        updateProgress();
        running.set(true);
        RunHandle h = new RunHandle();
        handle = h;
        String destination = isLocal(host.get()) ? "" : host.get().strip();
        String dir = remoteDir.get().strip();
        String dbt = dbtExecutable.get().strip();
        if (resumeJournal.isEmpty()) { // a resume runs with its journal's dbt, not this field's
            settings.update(saved -> saved.withProjectDbt(s.origin(), dbt));
        }
        FailurePolicy chosen = "continue".equals(policy.get()) ? FailurePolicy.CONTINUE : FailurePolicy.STOP;
        boolean again = retry.get();
        Thread.ofPlatform().daemon().name("dbt-run").start(() -> {
            RunSummary result = null;
            String failure = null;
            try (DbtExecutor executor = destination.isEmpty()
                    ? new LocalExecutor(folder)
                    : new SshExecutor(
                            SshTarget.parse(destination),
                            dir,
                            dbt.isEmpty() ? Optional.empty() : Optional.of(dbt),
                            sshSettings,
                            SshPrompts.none()
                                    .withHostKey((name, port, type, fingerprint) -> hostKeys.ask(
                                            name, port, type, fingerprint, () -> !h.isCancelled(), action -> {})))) {
                PlanRunner runner = new PlanRunner(executor, store, clock);
                if (resumeJournal.isPresent()) {
                    Journal journal = Journal.read(resumeJournal.get());
                    List<String> secrets = journal.header().secretNames();
                    if (!secrets.isEmpty()) {
                        throw new IllegalArgumentException("The run used the secret variables "
                                + String.join(", ", secrets) + ", which its journal does not keep: resume it from a"
                                + " terminal with dbt-rescue run --project " + folder + " --resume " + journal.file()
                                + secrets.stream()
                                        .map(n -> " --secret-env " + n)
                                        .reduce("", String::concat));
                    }
                    RerunPlan planned = PlanJson.read(
                            journal.file().toString(), journal.header().planJson());
                    fx.execute(() -> {
                        estimated = planned.estimated();
                        this.planned = resultNodes(planned, s.project().graph());
                        updateProgress();
                    });
                    LineageGraph graph = runner.lineageForResume(journal, folder, this::enqueue);
                    RunRequest request = new RunRequest(
                            folder,
                            planned,
                            graph,
                            journal.header().policy(),
                            journal.header().retry(),
                            journal.header().env().stream()
                                    .filter(v -> !v.secret())
                                    .toList(),
                            journal.header().dbtExecutable(),
                            journal.header().host(),
                            journal.header().remoteDir(),
                            journal.header().host().isPresent()
                                    ? Optional.of(folder.resolve("target"))
                                    : Optional.empty());
                    result = runner.resume(journal, request, this::enqueue, h);
                } else {
                    RunRequest request = new RunRequest(
                            folder,
                            plan,
                            s.project().graph(),
                            chosen,
                            again,
                            List.of(),
                            dbt.isEmpty() ? Optional.empty() : Optional.of(dbt),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty());
                    if (!destination.isEmpty()) {
                        request = request.withRemote(destination, dir, folder.resolve("target"));
                    }
                    result = runner.run(request, this::enqueue, h);
                }
            } catch (RunnerException | PlanningException | IllegalArgumentException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "The run stopped unexpectedly: " + e;
            }
            RunSummary ended = result;
            String message = failure;
            fx.execute(() -> {
                finished(ended, message);
                if (ended != null && !destination.isEmpty() && resumeJournal.isEmpty()) {
                    rememberHost(new SavedHost(destination, dir, dbt));
                }
            });
        });
    }

    /** On the runner's thread: queue, and make sure one drain is scheduled. */
    void enqueue(RunEvent event) {
        queue.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            drainLater.execute(this::drain);
        }
    }

    /**
     * On the FX thread: everything queued, in one go.
     *
     * @return true if a batch ended, so the artifacts are being read again
     */
    boolean drain() {
        drainScheduled.set(false);
        List<LogRow> rows = new ArrayList<>();
        boolean statusesChanged = false;
        boolean batchEnded = false;
        ProjectSession s = session;
        LineageGraph graph = s == null ? null : s.project().graph();
        RunEvent event;
        while ((event = queue.poll()) != null) {
            switch (event) {
                case RunEvent.NodeStarted e -> {
                    statusesChanged |= setLive(graph, e.uniqueId(), NodeStatus.RUNNING);
                    rows.add(new LogRow(e.at(), "info", e.uniqueId(), e.text()));
                }
                case RunEvent.NodeFinished e -> {
                    statusesChanged |= setLive(graph, e.uniqueId(), statusOf(e.status()));
                    if (planned.contains(e.uniqueId())) {
                        done.add(e.uniqueId());
                    }
                    rows.add(new LogRow(e.at(), e.succeeded() ? "info" : level(e.status()), e.uniqueId(), e.text()));
                }
                case RunEvent.LogLine e -> {
                    if (!e.text().isBlank()) { // dbt logs spacer lines; a row with only a time says nothing
                        rows.add(new LogRow(
                                e.at(),
                                e.level().name().toLowerCase(Locale.ROOT),
                                e.uniqueId().orElse(""),
                                e.text()));
                    }
                }
                case RunEvent.BatchStarted e -> rows.add(new LogRow(e.at(), "info", "", "== " + e.text()));
                case RunEvent.BatchFinished e -> {
                    rows.add(new LogRow(
                            e.at(),
                            e.exitCode() == 0 ? "info" : "warn",
                            "",
                            "== Batch " + e.batch() + ": " + e.text() + " (" + Durations.format(e.elapsed()) + ")"));
                    batchEnded = true;
                }
                case RunEvent.BatchSkipped e -> {
                    e.nodes().stream().filter(planned::contains).forEach(done::add);
                    rows.add(new LogRow(e.at(), "warn", "", "== " + e.text()));
                }
                case RunEvent.InvocationStarted e -> rows.add(new LogRow(e.at(), "info", "", e.text()));
                case RunEvent.InvocationCompleted e -> rows.add(new LogRow(e.at(), "info", "", e.text()));
                case RunEvent.RunFinished e -> rows.add(new LogRow(clock.instant(), "info", "", "== " + e.text()));
                case RunEvent.RawLine e -> {
                    if (!e.text().isBlank()) {
                        rows.add(new LogRow(clock.instant(), "info", "", e.text()));
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            Set<String> grown = new HashSet<>();
            for (LogRow r : rows) {
                if (!r.node().isEmpty()) {
                    nodeLogs.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(r.toString());
                    grown.add(r.node());
                }
            }
            if (!grown.isEmpty()) {
                nodeLogged.accept(grown);
            }
            log.addAll(rows);
            if (log.size() > MAX_LOG_LINES) {
                log.remove(0, log.size() - MAX_LOG_LINES);
            }
        }
        if (statusesChanged) {
            live.set(Map.copyOf(liveStatuses));
        }
        updateProgress();
        if (batchEnded) {
            reload();
        }
        return batchEnded;
    }

    private boolean setLive(@Nullable LineageGraph graph, String uniqueId, NodeStatus status) {
        if (graph == null) {
            return false;
        }
        NodeId id = NodeId.of(uniqueId);
        if (!graph.contains(id)) {
            return false;
        }
        return liveStatuses.put(graph.indexOf(id), status) != status;
    }

    private void updateProgress() {
        Instant from = started;
        progress.set(planned.isEmpty() ? 0 : done.size() / (double) planned.size());
        if (from == null) {
            progressText.set("");
            return;
        }
        Duration elapsed = Duration.between(from, clock.instant()).withNanos(0);
        progressText.set(done.size() + " / " + planned.size() + " nodes · " + Durations.format(elapsed)
                + (estimated.isZero() ? "" : " of about " + Durations.format(estimated)));
    }

    private void reload() {
        ProjectSession s = session;
        if (s == null) {
            return;
        }
        long generation = ++reloadGeneration;
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return reloader.reload(s);
                            } catch (Exception e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        },
                        background)
                .whenCompleteAsync(
                        (newer, failure) -> {
                            if (generation != reloadGeneration) {
                                return;
                            }
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                appendNow("warn", "", "Could not read the new artifacts: " + cause.getMessage());
                                return;
                            }
                            session = newer;
                            reloaded.accept(newer);
                        },
                        fx);
    }

    private void finished(@Nullable RunSummary result, @Nullable String failure) {
        boolean reading = drain();
        running.set(false);
        handle = null;
        answerHostKey(false);
        if (failure != null) {
            error.set(failure);
            summary.set("The run did not complete: " + failure);
        }
        if (result != null) {
            Map<String, Integer> counts = result.counts();
            StringBuilder text = new StringBuilder(result.outcome().label())
                    .append(" in ")
                    .append(Durations.format(result.elapsed().withNanos(0)))
                    .append(": ");
            List<String> parts = new ArrayList<>();
            counts.forEach((status, n) -> parts.add(n + " " + status));
            text.append(String.join(", ", parts));
            remainingNodes = result.remaining().stream().map(NodeId::of).toList();
            if (!remainingNodes.isEmpty()) {
                text.append(". Still to run: ").append(remainingNodes.size()).append(" nodes");
                ProjectSession s = session;
                if (s != null) {
                    remaining.set("--select "
                            + String.join(
                                    " ",
                                    remainingNodes.stream()
                                            .filter(id -> s.project().graph().contains(id))
                                            .map(id -> s.selectors().selectorFor(id))
                                            .toList()));
                }
            } else {
                text.append(". Every planned node succeeded.");
            }
            summary.set(text.toString());
            if (!reading) { // the final statuses come from the artifacts; the last batch's read may be under way
                reload();
            }
        }
        liveStatuses.clear();
        live.set(Map.of());
        refreshHistory();
    }

    private void appendNow(String level, String node, String text) {
        log.add(new LogRow(clock.instant(), level, node, text));
    }

    private void refilter() {
        String level = levelFilter.get();
        String node = nodeFilter.get().strip();
        String needle = searchText.get().strip().toLowerCase(Locale.ROOT);
        int min = switch (level) {
            case "warn" -> 1;
            case "error" -> 2;
            default -> 0;
        };
        if (min == 0 && node.isEmpty() && needle.isEmpty()) {
            shownLog.setPredicate(null);
            return;
        }
        shownLog.setPredicate(r -> rank(r.level()) >= min
                && (node.isEmpty() || r.node().contains(node))
                && (needle.isEmpty() || r.text().toLowerCase(Locale.ROOT).contains(needle)));
    }

    private static int rank(String level) {
        return switch (level) {
            case "warn" -> 1;
            case "error" -> 2;
            default -> 0;
        };
    }

    private void refreshHistory() {
        refreshHistory(false);
    }

    private void refreshHistory(boolean offerResume) {
        ProjectSession s = session;
        Path folder = s == null ? null : s.place().folder().orElse(null);
        if (folder == null) {
            historyGeneration++;
            history.clear();
            return;
        }
        String project = folder.toString();
        long request = ++historyGeneration; // the newest listing wins; a reload of the same project keeps it
        CompletableFuture.supplyAsync(() -> readHistory(project), background)
                .thenAcceptAsync(
                        rows -> {
                            if (request == historyGeneration) {
                                history.setAll(rows);
                                if (offerResume && !running.get() && !waiting.get()) {
                                    resumeOffer.set(
                                            rows.stream().findFirst().filter(r -> r.interrupted() && r.resumable()));
                                }
                            }
                        },
                        fx);
    }

    private List<HistoryRow> readHistory(String project) {
        Path runs = store.root().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<HistoryRow> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl"))
                    .sorted(Comparator.reverseOrder())
                    .limit(200)
                    .toList()) {
                try {
                    Journal journal = Journal.read(file);
                    if (!journal.header().project().equals(project)) {
                        continue;
                    }
                    out.add(historyRow(journal));
                } catch (RunnerException e) {
                    out.add(new HistoryRow(
                            file, file.getFileName().toString(), "unreadable: " + e.getMessage(), false, false));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    private static HistoryRow historyRow(Journal journal) {
        Map<String, String> statuses = journal.lastStatuses();
        RerunPlan plan;
        int planned = 0;
        int succeeded = 0;
        try {
            plan = PlanJson.read(journal.file().toString(), journal.header().planJson());
            for (var batch : plan.batches()) {
                for (NodeId id : batch.ids()) {
                    planned++;
                    String status = statuses.getOrDefault(id.value(), "unknown");
                    if (RunStatus.fromDbt(status).isSuccess()) {
                        succeeded++;
                    }
                }
            }
        } catch (PlanningException e) {
            // the counts stay unknown
        }
        Optional<Instant> when = journal.attempts().stream()
                .map(a -> a.startedAt())
                .flatMap(Optional::stream)
                .findFirst();
        String ending = journal.outcome()
                .map(o -> o == RunOutcome.CONNECTION_LOST ? "connection lost" : "finished")
                .orElse(journal.finished() ? "finished" : "interrupted");
        String outcome = ending + ", " + succeeded + " of " + planned + " nodes succeeded";
        return new HistoryRow(
                journal.file(),
                when.map(DAY_TIME::format).orElse(journal.header().runId()),
                outcome,
                succeeded < planned,
                !journal.finished() || journal.outcome().equals(Optional.of(RunOutcome.CONNECTION_LOST)));
    }

    /** The plan's nodes that report a result: ephemeral models never do (dbt compiles them into their consumers). */
    private static Set<String> resultNodes(RerunPlan plan, LineageGraph graph) {
        Set<String> out = new HashSet<>();
        plan.batches()
                .forEach(b -> b.ids().stream()
                        .filter(id -> !graph.node(id).map(Node::isEphemeral).orElse(false))
                        .forEach(id -> out.add(id.value())));
        return Set.copyOf(out);
    }

    /** The console level of a node result that did not succeed. */
    private static String level(String status) {
        return RunStatus.fromDbt(status).isFailure() ? "error" : "warn";
    }

    /** How a dbt status from the log is drawn: as the same status read from run_results.json. */
    static NodeStatus statusOf(String dbtStatus) {
        return NodeStatus.of(NodeState.of(RunStatus.fromDbt(dbtStatus)));
    }
}
