// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.common.AppExecutors;
import dev.dbtrescue.app.detail.DetailViewModel;
import dev.dbtrescue.app.lineage.LayeredLineageLayout;
import dev.dbtrescue.app.lineage.LineageViewModel;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.LoadProgress;
import dev.dbtrescue.app.project.OpenProjectViewModel;
import dev.dbtrescue.app.project.ProjectLoader;
import dev.dbtrescue.app.project.RecentProjects;
import dev.dbtrescue.app.project.RemoteArtifacts;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The composition root: builds the services and view-models by hand (constructor injection, no framework) and owns
 * the background threads, which {@link #close()} stops.
 */
public final class AppContext implements AutoCloseable {

    private final AppExecutors executors;
    private final MainViewModel main;

    private AppContext(AppExecutors executors, MainViewModel main) {
        this.executors = executors;
        this.main = main;
    }

    /**
     * Wires the app.
     *
     * @param folders where settings, recent projects and caches live
     * @param fx runs work on the FX thread ({@code Platform::runLater})
     */
    public static AppContext create(AppFolders folders, Executor fx) {
        return create(folders, SshSettings.defaults(), fx);
    }

    /**
     * Wires the app with these OpenSSH files (config, known_hosts, keys) for remote projects and runs, instead of
     * {@code ~/.ssh}: the window tests connect with their own.
     */
    public static AppContext create(AppFolders folders, SshSettings ssh, Executor fx) {
        var executors = new AppExecutors();
        Executor background = executors.background();
        var selection = new SelectionViewModel(background, fx);
        var lineage = new LineageViewModel(selection, new LayeredLineageLayout(), background, fx);
        var detail = new DetailViewModel(background, fx);
        var loader = new ProjectLoader(folders, RemoteArtifacts.overSsh(ssh), Clock.systemUTC());
        var recents = RecentProjects.in(folders);
        var rescue = new Rescue(
                new PlanViewModel(background, fx),
                new RunViewModel(
                        new RunStore(folders.data()),
                        ssh,
                        session -> loader.reload(session, LoadProgress.NONE),
                        background,
                        fx,
                        Clock.systemUTC()),
                new ExportViewModel(background, fx, Clock.systemUTC()));
        var main = new MainViewModel(
                lineage,
                selection,
                detail,
                opened -> new OpenProjectViewModel(loader, recents, background, fx, opened),
                rescue);
        return new AppContext(executors, main);
    }

    /** The window's view-model. */
    public MainViewModel main() {
        return main;
    }

    /** The background threads. */
    public AppExecutors executors() {
        return executors;
    }

    @Override
    public void close() {
        executors.close();
    }
}
