// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunRequest;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.RunSummary;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.journal.JournalHeader;
import dev.dbtrescue.runner.local.LocalExecutor;
import dev.dbtrescue.runner.ssh.SshExecutor;
import dev.dbtrescue.runner.ssh.SshPrompts;
import dev.dbtrescue.runner.ssh.SshSettings;
import dev.dbtrescue.runner.ssh.SshTarget;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code dbt-rescue run}: runs a plan's batches with dbt, locally or over SSH, printing node results as they happen,
 * journaling everything so that a cancelled, crashed or disconnected run can be resumed.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a plan's batches with dbt, locally or on an SSH host, with live node results; resumable"
                + " from its journal. Without --plan, takes the options of `plan` (--preset/--select, --max-nodes,"
                + " --split, ...).",
        exitCodeListHeading = "%nExit codes (as dbt's):%n",
        exitCodeList = {
            "0:every planned node succeeded",
            "1:some node failed, errored or was skipped",
            "2:the run could not complete (cancelled, connection lost, dbt error, bad input)"
        })
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--project",
            required = true,
            paramLabel = "DIR",
            description = "Local dbt project folder: its target/ artifacts are planned from, and read after each"
                    + " batch (a remote run copies them back here).")
    Path project;

    @Option(names = "--plan", paramLabel = "FILE", description = "A plan saved by `plan --format json`.")
    Path planFile;

    @Option(
            names = "--host",
            paramLabel = "DEST",
            description = "Run on this SSH host: a ~/.ssh/config alias or user@host[:port].")
    String host;

    @Option(names = "--remote-dir", paramLabel = "PATH", description = "The dbt project folder on --host.")
    String remoteDir;

    @Option(
            names = "--dbt",
            paramLabel = "EXECUTABLE",
            description = "The dbt executable on the host (default: the project's .venv or venv, then PATH).")
    String dbt;

    @Option(
            names = "--on-failure",
            paramLabel = "POLICY",
            description = "stop (default), or continue with the nodes that do not depend on a failure. On --resume,"
                    + " the run's own policy unless given.")
    String onFailure;

    @Option(
            names = "--retry",
            description = "Retry a failed batch once, with only its nodes that did not succeed (on --resume, also"
                    + " when the run retried).")
    boolean retry;

    @Option(names = "--resume", paramLabel = "JOURNAL", description = "Resume the run of this journal.")
    Path resume;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for dbt.")
    List<String> env = new ArrayList<>();

    @Option(
            names = "--secret-env",
            paramLabel = "NAME",
            description = "Pass this variable of the current environment to dbt as a secret: never journaled,"
                    + " logged or shown.")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh config (default ~/.ssh/config).")
    Path sshConfig;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--identity", paramLabel = "FILE", description = "A private key to offer (repeatable).")
    List<Path> identities = new ArrayList<>();

    @Option(
            names = "--trust-host-key",
            paramLabel = "SHA256:...",
            description = "Trust an unknown host whose key has exactly this fingerprint (as `ssh-keygen -lf`"
                    + " prints it on the host); without it an unknown host is asked about on a terminal, or"
                    + " refused.")
    String trustHostKey;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where journals, batch artifacts and project locks are kept (default: $DBT_RESCUE_HOME, else"
                    + " the user data folder, e.g. ~/.local/share/dbt-rescue).")
    Path dataDir;

    @Unmatched
    List<String> planArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<FailurePolicy> policy = Optional.ofNullable(onFailure).map(FailurePolicy::fromCli);
            List<EnvVar> variables = variables();
            RunStore store = dataDir != null ? new RunStore(dataDir) : RunStore.userDefault();
            Optional<Journal> journal = resume == null ? Optional.empty() : Optional.of(Journal.read(resume));
            try (DbtExecutor executor = executor(journal.map(Journal::header), err)) {
                PlanRunner runner = new PlanRunner(executor, store, Clock.systemUTC());
                RunPrinter printer = new RunPrinter(out);
                RunHandle handle = new RunHandle();
                CountDownLatch ended = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    handle.cancel();
                    try {
                        ended.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    RunSummary summary;
                    if (journal.isPresent()) {
                        RunRequest request = resumeRequest(
                                journal.get(),
                                policy,
                                variables,
                                runner.lineageForResume(journal.get(), project, printer));
                        summary = runner.resume(journal.get(), request, printer, handle);
                    } else {
                        summary = runner.run(request(policy.orElse(FailurePolicy.STOP), variables), printer, handle);
                    }
                    out.flush();
                    if (!summary.remaining().isEmpty()) {
                        err.println("dbt-rescue: " + summary.remaining().size() + " nodes still need a run; resume"
                                + " with: run --project " + project + " --resume " + summary.journal());
                    }
                    return summary.exitCode();
                } finally {
                    ended.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down
                    }
                }
            }
        } catch (RunnerException | ArtifactException | PlanningException | IllegalArgumentException e) {
            err.println("dbt-rescue: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private List<EnvVar> variables() {
        List<EnvVar> out = new ArrayList<>();
        for (String pair : env) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env takes NAME=VALUE, not '" + pair + "'");
            }
            out.add(new EnvVar(pair.substring(0, eq), pair.substring(eq + 1), false));
        }
        for (String name : secretEnv) {
            String value = System.getenv(name);
            if (value == null) {
                throw new IllegalArgumentException("--secret-env " + name + ": no such variable in this environment;"
                        + " export it first (its value is never printed)");
            }
            out.add(new EnvVar(name, value, true));
        }
        return out;
    }

    private DbtExecutor executor(Optional<JournalHeader> header, PrintWriter err) {
        String destination =
                host != null ? host : header.flatMap(JournalHeader::host).orElse(null);
        if (destination == null) {
            if (remoteDir != null) {
                throw new IllegalArgumentException("--remote-dir needs --host");
            }
            return new LocalExecutor(project);
        }
        String dir = remoteDir != null
                ? remoteDir
                : header.flatMap(JournalHeader::remoteDir).orElse(null);
        if (dir == null) {
            throw new IllegalArgumentException("--host needs --remote-dir: the dbt project folder on " + destination);
        }
        SshSettings settings = SshSettings.defaults();
        if (sshConfig != null) {
            settings = settings.withSshConfig(sshConfig);
        }
        if (knownHosts != null) {
            settings = settings.withKnownHosts(knownHosts);
        }
        if (!identities.isEmpty()) {
            settings = settings.withIdentityFiles(identities);
        }
        Console console = System.console();
        SshPrompts prompts = SshPrompts.none()
                .withHostKey((name, port, type, fingerprint) -> {
                    if (trustHostKey != null) {
                        return trustHostKey.strip().equals(fingerprint);
                    }
                    if (console == null) {
                        err.println("dbt-rescue: " + name + ":" + port + " is not in known_hosts; its " + type
                                + " key is " + fingerprint + ". If that is the host's key (check with ssh-keygen -lf"
                                + " on the host), run again with --trust-host-key " + fingerprint);
                        return false;
                    }
                    String answer = console.readLine(
                            "%s:%d is unknown; its %s key fingerprint is %s.%nTrust it and add it to known_hosts?"
                                    + " [y/N] ",
                            name, port, type, fingerprint);
                    return answer != null && answer.strip().equalsIgnoreCase("y");
                })
                .withPassphrase(keyFile -> console == null
                        ? Optional.empty()
                        : Optional.ofNullable(console.readPassword("Passphrase for %s: ", keyFile)));
        Optional<String> remoteDbt = Optional.ofNullable(dbt).or(() -> header.flatMap(JournalHeader::dbtExecutable));
        return new SshExecutor(SshTarget.parse(destination), dir, remoteDbt, settings, prompts);
    }

    private RunRequest request(FailurePolicy policy, List<EnvVar> variables)
            throws ArtifactException, PlanningException, RunnerException {
        RerunPlan plan;
        LoadedProject loaded;
        if (planFile != null) {
            if (!planArguments.isEmpty()) {
                throw new IllegalArgumentException("give either --plan FILE or plan options, not both (got "
                        + String.join(" ", planArguments) + ")");
            }
            plan = PlanJson.read(planFile.toString(), read(planFile));
            loaded = LoadedProject.of(new ArtifactLoader().loadProject(project), Instant.now());
            String manifestAt = loaded.artifacts()
                    .manifest()
                    .metadata()
                    .generatedAt()
                    .map(Instant::toString)
                    .orElse("unknown");
            if (manifestAt.equals("unknown")
                    || plan.source().manifestGeneratedAt().equals("unknown")) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "dbt-rescue: the manifest or the plan has no generated_at, so the plan cannot be checked"
                                        + " against the project; make sure it was made from this project's current artifacts");
            } else if (!plan.source().manifestGeneratedAt().equals(manifestAt)) {
                throw new PlanningException("The plan " + planFile + " was made from a manifest generated at "
                        + plan.source().manifestGeneratedAt() + ", but " + project.resolve("target/manifest.json")
                        + " was generated at " + manifestAt + ": the project changed since; make a new plan");
            }
        } else {
            if (planArguments.isEmpty()) {
                throw new IllegalArgumentException(
                        "give --plan FILE, or plan options such as --preset failed or" + " --select SELECTOR");
            }
            PlanCommand planCommand = new PlanCommand();
            List<String> args = new ArrayList<>(List.of("--project", project.toString()));
            args.addAll(planArguments);
            try {
                RootCommand.configure(new CommandLine(planCommand)).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            PlanCommand.Made made = planCommand.make();
            plan = made.plan();
            loaded = made.loaded();
        }
        if (plan.batches().isEmpty()) {
            throw new PlanningException("The plan has no batches: nothing to run");
        }
        RunRequest request = new RunRequest(
                project.toAbsolutePath().normalize(),
                plan,
                loaded.graph(),
                policy,
                retry,
                variables,
                Optional.ofNullable(dbt),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return host == null ? request : request.withRemote(host, remoteDir, targetDir());
    }

    private RunRequest resumeRequest(
            Journal journal, Optional<FailurePolicy> policy, List<EnvVar> given, LineageGraph graph)
            throws PlanningException {
        JournalHeader header = journal.header();
        List<EnvVar> variables =
                new ArrayList<>(header.env().stream().filter(v -> !v.secret()).toList());
        for (String name : header.secretNames()) {
            EnvVar again = given.stream()
                    .filter(v -> v.name().equals(name) && v.secret())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the run used the secret variable " + name
                            + ", which the journal does not keep: resume with --secret-env " + name));
            variables.add(again);
        }
        given.stream().filter(v -> !v.secret()).forEach(v -> {
            variables.removeIf(old -> old.name().equals(v.name()));
            variables.add(v);
        });
        RerunPlan plan = PlanJson.read(journal.file().toString(), header.planJson());
        RunRequest request = new RunRequest(
                project.toAbsolutePath().normalize(),
                plan,
                graph,
                policy.orElse(header.policy()),
                header.retry() || retry,
                variables,
                Optional.ofNullable(dbt).or(header::dbtExecutable),
                header.host(),
                header.remoteDir(),
                header.host().isPresent() ? Optional.of(targetDir()) : Optional.empty());
        return request;
    }

    private Path targetDir() {
        return project.toAbsolutePath().normalize().resolve("target");
    }

    private static String read(Path file) throws PlanningException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanningException("Could not read the plan " + file + ": " + e.getMessage());
        }
    }
}
