// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.common.HostKeyQuestions;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.app.settings.SettingsStore;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.runner.fixtures.MinaSshServer;
import dev.dbtrescue.runner.fixtures.SshKeys;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The analyst's loop of {@link RescueWindowIT}, run on an SSH host: an Apache MINA SSH server on loopback that runs
 * commands as real processes and serves SFTP. The window opens a local copy of a demo project whose build failed on
 * the "host" (a second copy), is pointed at the host through the run panel's fields, asks to trust the host's
 * unknown key and shows its fingerprint, runs the failed model and everything downstream with the real dbt there,
 * and the failure turns green from the artifacts fetched back over SFTP. A host whose key changed is refused, with a
 * message in the run panel, before anything runs. The OpenSSH files (known_hosts, config, keys) are the test's own,
 * never {@code ~/.ssh}.
 */
@ExtendWith(ApplicationExtension.class)
class RescueSshWindowIT {

    private static final NodeId FAILED_MODEL = NodeId.of("model.rescue_shop.int_payments_converted");
    private static final NodeId SKIPPED_MODEL = NodeId.of("model.rescue_shop.fct_payments");
    private static final String USER = System.getProperty("user.name");
    private static final List<String> ARTIFACTS = List.of("manifest.json", "run_results.json");

    @TempDir
    Path home;

    private Path sshDir;
    private Path hostKey;
    private MinaSshServer server;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        // MINA has no ed25519 without an extra security provider, so the keys are ECDSA
        sshDir = Files.createDirectories(home.resolve("client-ssh"));
        Path clientKey = SshKeys.generate(sshDir.resolve("id_ecdsa"), "ecdsa", "");
        hostKey = SshKeys.generate(home.resolve("host_key"), "ecdsa", "");
        server = MinaSshServer.start(
                hostKey, SshKeys.authorize(home.resolve("authorized_keys"), clientKey), Optional.empty());
        // laid out like ~/.ssh (config, known_hosts, id_ecdsa as the default key), without an agent
        AppFolders folders = AppFolders.under(home);
        context = AppContext.create(
                folders, Platform::runLater, SettingsStore.load(folders), SshSettings.inDirectory(sshDir));
        stage.setScene(
                new Scene(new MainView(context.main(), context.executors().raster()), 1600, 1000));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        server.close();
    }

    @Test
    void theFailedRunIsRunOverSshAfterTheHostKeyIsTrustedAndTheFailureTurnsGreen(FxRobot robot) throws Exception {
        RealDbt remote = RealDbt.demoCopy(home.resolve("host"));
        assertEquals(0, remote.run("run-operation", "load_raw_data").exitCode());
        RealDbt.Outcome broken =
                remote.run("build", "--exclude", "resource_type:unit_test", "--vars", "{demo_break_model: true}");
        assertEquals(1, broken.exitCode(), broken.output());
        Path local = localCopyWithArtifactsOf(remote.project().resolve("target"));
        ProjectSession opened = RescueWindow.open(context, robot, local);
        assertEquals(NodeState.ERROR, opened.project().status().stateOf(FAILED_MODEL));
        assertEquals(NodeState.SKIPPED, opened.project().status().stateOf(SKIPPED_MODEL));

        RescueWindow.planFailedInBatches(context, robot, 8);
        int failedIndex = opened.project().graph().indexOf(FAILED_MODEL);
        Set<NodeStatus> seenLive = RescueWindow.watchLive(context, robot, failedIndex);
        pointAtTheHost(robot, remote.project());
        robot.clickOn("#run-plan");

        // the dialog's button exists a moment before it is shown: wait until it can be clicked
        RescueWindow.waitLong(
                context,
                () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trust-host-key")
                                .match(NodeQueryUtils.isVisible())
                                .tryQuery()
                                .isPresent())
                        .get());
        String fingerprint = SshKeys.fingerprint(hostKey);
        HostKeyQuestions.Question question =
                context.main().rescue().run().hostKeyQuestionProperty().get().orElseThrow();
        assertEquals(fingerprint, question.fingerprint());
        assertEquals(server.port(), question.port());
        String shown = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertTrue(
                shown.contains(fingerprint), "the dialog shows the server's fingerprint " + fingerprint + ": " + shown);
        robot.clickOn("#trust-host-key");

        RescueWindow.awaitRunSucceeded(context, robot);
        assertEquals("", context.main().rescue().run().errorProperty().get());
        assertTrue(
                Files.readString(sshDir.resolve("known_hosts")).contains(SshKeys.publicKey(hostKey)),
                "the trusted key went to the test's known_hosts");
        // the local copy only learns the new statuses from the artifacts fetched over SFTP
        RescueWindow.assertRepairedLive(context, robot, opened, seenLive, FAILED_MODEL, SKIPPED_MODEL);
        List<RunViewModel.LogRow> log = logNow();
        assertTrue(log.stream().anyMatch(row -> row.text().startsWith("== Batch 2")), "the log shows batch 2");
        assertTrue(
                log.stream().noneMatch(row -> row.text().contains("Could not")),
                "every batch's artifacts came back: " + log);

        ListView<?> history = robot.lookup("#run-history").queryListView();
        RescueWindow.waitLong(context, () -> history.getItems().size() == 1);
        assertTrue(
                history.getItems().getFirst().toString().contains("finished"),
                history.getItems().toString());
    }

    @Test
    void aHostWhoseKeyChangedIsRefusedInTheRunPanelAndNothingRuns(FxRobot robot) throws Exception {
        Path other = SshKeys.generate(home.resolve("other_host_key"), "ecdsa", "");
        Path knownHosts = sshDir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + SshKeys.publicKey(other) + "\n");
        Path host = RealDbt.demoCopy(home.resolve("host")).project();
        // the committed artifacts of the same failed build: nothing needs to run before the run is refused
        Path local = localCopyWithArtifactsOf(Fixtures.demo("failed-build"));
        RescueWindow.open(context, robot, local);
        RescueWindow.planFailedInBatches(context, robot, 4);
        pointAtTheHost(robot, host);
        robot.clickOn("#run-plan");

        // read on the FX thread: the label's text and visibility are bindings that thread keeps
        RescueWindow.waitLong(
                context,
                () -> WaitForAsyncUtils.asyncFx(() ->
                                !context.main().rescue().run().runningProperty().get()
                                        && !RescueWindow.text(robot, "#run-error")
                                                .isEmpty())
                        .get());

        Label shown = robot.lookup("#run-error").queryAs(Label.class);
        String error = WaitForAsyncUtils.asyncFx(shown::getText).get();
        assertTrue(WaitForAsyncUtils.asyncFx(shown::isVisible).get(), "the message shows: " + error);
        assertTrue(error.contains("The host key of 127.0.0.1:" + server.port() + " has changed"), error);
        assertTrue(error.contains("man-in-the-middle"), error);
        assertTrue(error.contains(knownHosts.toString()), "names the known_hosts file it checked: " + error);
        assertTrue(robot.lookup("#trust-host-key").tryQuery().isEmpty(), "a changed key is never offered to trust");
        assertEquals(
                "[127.0.0.1]:" + server.port() + " " + SshKeys.publicKey(other) + "\n",
                Files.readString(knownHosts),
                "known_hosts is left alone");
        assertFalse(Files.exists(host.resolve("target")), "dbt never ran on the host");
        List<RunViewModel.LogRow> log = logNow();
        assertTrue(log.stream().allMatch(row -> row.node().isEmpty()), "no node started or finished: " + log);
        assertEquals(
                NodeState.ERROR,
                context.main().sessionProperty().get().project().status().stateOf(FAILED_MODEL));
    }

    /** A copy of the demo project whose target folder holds these artifacts, as if the failed build ran here. */
    private Path localCopyWithArtifactsOf(Path artifacts) throws Exception {
        Path project = RealDbt.demoCopy(home.resolve("local")).project();
        Path target = Files.createDirectories(project.resolve("target"));
        for (String name : ARTIFACTS) {
            Files.copy(artifacts.resolve(name), target.resolve(name));
        }
        return project;
    }

    /** Types the host, its project folder and its dbt into the run panel, as a user does (without pauses). */
    private void pointAtTheHost(FxRobot robot, Path remoteProject) throws Exception {
        robot.clickOn("#run-tab");
        String host = USER + "@127.0.0.1:" + server.port();
        String dbt = RealDbt.install().toString();
        // each field replaces what it shows (the host list starts on "local")
        robot.clickOn("#run-host").push(KeyCode.SHORTCUT, KeyCode.A).write(host, 0);
        robot.clickOn("#run-remote-dir").push(KeyCode.SHORTCUT, KeyCode.A).write(remoteProject.toString(), 0);
        robot.clickOn("#run-dbt").push(KeyCode.SHORTCUT, KeyCode.A).write(dbt, 0);
        RunViewModel run = context.main().rescue().run();
        assertEquals(
                List.of(host, remoteProject.toString(), dbt),
                List.of(
                        run.hostProperty().get(),
                        run.remoteDirProperty().get(),
                        run.dbtExecutableProperty().get()));
    }

    /** The run panel's log as it is now, read on the FX thread. */
    private List<RunViewModel.LogRow> logNow() throws Exception {
        return WaitForAsyncUtils.asyncFx(
                        () -> List.copyOf(context.main().rescue().run().getLog()))
                .get(60, TimeUnit.SECONDS);
    }
}
