// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.common.AppExecutors;
import dev.dbtrescue.app.detail.DetailViewModel;
import dev.dbtrescue.app.lineage.LayeredLineageLayout;
import dev.dbtrescue.app.lineage.LayoutEngine;
import dev.dbtrescue.app.lineage.LineageViewModel;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.lineage.ViewOptions;
import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.LoadProgress;
import dev.dbtrescue.app.project.OpenProjectViewModel;
import dev.dbtrescue.app.project.ProjectLoader;
import dev.dbtrescue.app.project.RecentProjects;
import dev.dbtrescue.app.project.RemoteArtifacts;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.app.settings.SettingsViewModel;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: builds the services and view-models by hand (constructor injection, no framework) and owns
 * the background threads, which {@link #close()} stops.
 */
public final class AppContext implements AutoCloseable {

    /** How long a selection stays the same before it is planned (typing a selector changes it on every pause). */
    static final Duration PLAN_SETTLE = Duration.ofMillis(250);

    /** Rounds of the warm-up: on this project's 2-core machine about 1.5 s of one core, saving about 0.7 s. */
    public static final int WARM_UP_ROUNDS = 40;

    /** The system property that turns the warm-up off ({@code -Ddbtrescue.warmUp=false}), to measure without it. */
    public static final String WARM_UP_PROPERTY = "dbtrescue.warmUp";

    /** Compiled code is the JVM's: one warm-up per JVM serves every window. */
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private final AppExecutors executors;
    private final MainViewModel main;
    private final SettingsViewModel settings;
    private final ProjectLoader loader;
    private final LayoutEngine layout;

    private AppContext(
            AppExecutors executors,
            MainViewModel main,
            SettingsViewModel settings,
            ProjectLoader loader,
            LayoutEngine layout) {
        this.executors = executors;
        this.main = main;
        this.settings = settings;
        this.loader = loader;
        this.layout = layout;
    }

    /**
     * Wires the app, reading the settings of {@code folders} on the calling thread (a small file).
     *
     * @param folders where settings, recent projects and caches live
     * @param fx runs work on the FX thread ({@code Platform::runLater})
     */
    public static AppContext create(AppFolders folders, Executor fx) {
        return create(folders, fx, SettingsStore.load(folders), SshSettings.defaults());
    }

    /**
     * Wires the app.
     *
     * @param folders where recent projects and caches live
     * @param fx runs work on the FX thread ({@code Platform::runLater})
     * @param store the settings, already read (the context closes it)
     * @param ssh the OpenSSH files: the ssh config's hosts are offered in the run panel
     */
    public static AppContext create(AppFolders folders, Executor fx, SettingsStore store, SshSettings ssh) {
        var executors = new AppExecutors();
        Executor background = executors.background();
        var selection = new SelectionViewModel(background, fx);
        var layout = new LayeredLineageLayout();
        var lineage = new LineageViewModel(selection, layout, background, fx);
        var detail = new DetailViewModel(background, fx);
        var loader = new ProjectLoader(folders, RemoteArtifacts.overSsh(ssh), Clock.systemUTC());
        var recents = RecentProjects.in(folders);
        var rescue = new Rescue(
                new PlanViewModel(executors.planning(), fx, store, PLAN_SETTLE),
                new RunViewModel(
                        new RunStore(folders.data()),
                        ssh,
                        session -> loader.reload(session, LoadProgress.NONE),
                        background,
                        fx,
                        Clock.systemUTC(),
                        store),
                new ExportViewModel(background, fx, Clock.systemUTC()));
        var main = new MainViewModel(
                lineage,
                selection,
                detail,
                opened -> new OpenProjectViewModel(loader, recents, background, fx, opened),
                rescue);
        return new AppContext(executors, main, new SettingsViewModel(store), loader, layout);
    }

    /**
     * Starts the warm-up ({@link ProjectLoader#warmUp}: opening and laying out the bundled demo on a thread of its
     * own) when the window waits for the user to choose a project, once per JVM and unless the system property
     * {@value #WARM_UP_PROPERTY} is {@code false}. It stops at the user's first open.
     *
     * @return the number of rounds done; 0 when it did not run
     */
    public CompletableFuture<Integer> startWarmUp() {
        if (!Boolean.parseBoolean(System.getProperty(WARM_UP_PROPERTY, "true")) || !WARMED.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(0);
        }
        return CompletableFuture.supplyAsync(
                () -> loader.warmUp(
                        WARM_UP_ROUNDS, session -> layout.layout(session, ViewOptions.DEFAULT, () -> false)),
                executors.warmUp());
    }

    /** The window-wide settings: theme and layout. */
    public SettingsViewModel settings() {
        return settings;
    }

    /** The window's view-model. */
    public MainViewModel main() {
        return main;
    }

    /** The background threads. */
    public AppExecutors executors() {
        return executors;
    }

    /** Stops the background threads and writes the settings that are still to be written. */
    @Override
    public void close() {
        executors.close();
        settings.store().close();
    }
}
