// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import dev.dbtrescue.graph.plan.ShellQuoting;
import dev.dbtrescue.runner.DbtInvocation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The POSIX {@code sh} script both executors start dbt through, locally and over SSH.
 *
 * <p>Why a wrapper: a plain child process outlives a runner that is killed, and an SSH channel that closes does not
 * stop the remote command it started (without a pty, nothing signals it). The script
 *
 * <ol>
 *   <li>changes to the project folder and finds dbt (explicit path, the project's {@code .venv} or {@code venv},
 *       then {@code PATH}), reporting a missing folder or dbt with a marker line instead of a shell error;
 *   <li>reads environment variables from its stdin ({@code ENV NAME=value} lines up to {@code GO}), so that secrets
 *       are never on a command line that {@code ps} shows;
 *   <li>starts dbt in a session of its own ({@code setsid}, where the host has it) and prints its pid;
 *   <li>keeps a watcher on its stdin: {@code INT} interrupts dbt's process group, {@code KILL} kills it, and the end
 *       of stdin (the runner died, the channel closed) terminates it, then kills it 5 seconds later;
 *   <li>when dbt's main process ends, kills whatever is left in its group (a child that ignored the interrupt would
 *       otherwise hold the output open), and prints dbt's exit code.
 * </ol>
 *
 * <p>Marker lines carry a random nonce per invocation, so dbt's own output can never be taken for one.
 */
public final class Wrapper {

    static final String SCRIPT = """
            n=$1; dir=$2; exe=$3; shift 3
            cd "$dir" 2>/dev/null || { echo "@@dbt-rescue:$n missing-dir $dir"; exit 2; }
            if [ -z "$exe" ]; then
              for c in ./.venv/bin/dbt ./venv/bin/dbt; do
                if [ -x "$c" ]; then exe=$c; break; fi
              done
            fi
            [ -n "$exe" ] || exe=dbt
            command -v "$exe" >/dev/null 2>&1 || { echo "@@dbt-rescue:$n missing-dbt $exe"; exit 127; }
            while IFS= read -r line; do
              case $line in
                'ENV '*) export "${line#ENV }" ;;
                GO) break ;;
              esac
            done
            exec 3<&0
            ctl=$(mktemp 2>/dev/null || echo "${TMPDIR:-/tmp}/dbt-rescue.$$")
            : > "$ctl"
            { while IFS= read -r c; do
                p=$(cat "$ctl")
                if [ -n "$p" ]; then
                  case $c in
                    INT) kill -s INT -- "-$p" || kill -s INT "$p" ;;
                    KILL) kill -s KILL -- "-$p" || kill -s KILL "$p" ;;
                  esac
                fi
              done
              p=$(cat "$ctl")
              if [ -n "$p" ]; then
                kill -s TERM -- "-$p" || kill -s TERM "$p"
                sleep 5
                kill -s KILL -- "-$p" || kill -s KILL "$p"
              fi
            } <&3 >/dev/null 2>&1 &
            w=$!
            if command -v setsid >/dev/null 2>&1; then
              sh -c 'echo "$$" > "$1"; echo "@@dbt-rescue:$2 pid $$"; shift 2; exec setsid "$@"' sh "$ctl" "$n" "$exe" "$@" </dev/null 3<&- 2>&1
            else
              sh -c 'echo "$$" > "$1"; echo "@@dbt-rescue:$2 pid $$"; shift 2; exec "$@"' sh "$ctl" "$n" "$exe" "$@" </dev/null 3<&- 2>&1
            fi
            rc=$?
            kill -s KILL "$w" 2>/dev/null
            p=$(cat "$ctl")
            [ -z "$p" ] || kill -s KILL -- "-$p" 2>/dev/null
            rm -f "$ctl"
            echo "@@dbt-rescue:$n exit $rc"
            exit $rc
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nonce;

    private Wrapper(String nonce) {
        this.nonce = nonce;
    }

    /** A wrapper with a fresh nonce for one invocation. */
    public static Wrapper create() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new Wrapper(HexFormat.of().formatHex(bytes));
    }

    /** The prefix of this invocation's marker lines. */
    String markerPrefix() {
        return "@@dbt-rescue:" + nonce + " ";
    }

    /** The argv that runs the wrapper locally: {@code /bin/sh -c SCRIPT ...}, each argument a separate word. */
    public List<String> argv(String projectDir, DbtInvocation invocation) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "dbt-rescue"));
        argv.add(nonce);
        argv.add(projectDir);
        argv.add(invocation.executable().orElse(""));
        argv.addAll(invocation.arguments());
        return argv;
    }

    /**
     * The command line for a remote login shell: every word single-quoted, so nothing in it (model names, vars,
     * paths) is interpreted by the remote shell.
     */
    public String remoteCommand(String projectDir, DbtInvocation invocation) {
        return ShellQuoting.join(argv(projectDir, invocation));
    }
}
