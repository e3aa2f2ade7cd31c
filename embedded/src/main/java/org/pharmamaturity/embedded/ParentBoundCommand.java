package org.pharmamaturity.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command in a small POSIX shell so that the command dies with this JVM, even when the JVM is killed
 * with SIGKILL and its shutdown hooks never run.
 *
 * <p>The shell starts the command in the background and a watcher that blocks reading the shell's standard
 * input, a pipe whose only writer is this JVM. When the JVM exits for any reason the pipe closes, the read
 * returns, and the watcher sends SIGTERM to the command, then SIGKILL if it is still alive
 * {@link #KILL_AFTER_SECONDS} seconds later: a command whose shutdown waits for something that died with this JVM
 * (the simulator's producer flushing to the in-process broker waits 30 s) must not outlive it by that long. The shell
 * exits with the command's exit status, so the {@link Process} the JVM holds lives exactly as long as the command.
 * Keep the process's standard input open (do not redirect it) or the command is stopped at once.
 */
public final class ParentBoundCommand {

    /** How long the command has to stop on SIGTERM after this JVM died before it is killed. */
    public static final int KILL_AFTER_SECONDS = 3;

    private static final String SCRIPT = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            ( read -r _ <&3; kill "$child"; i=0
              while [ "$i" -lt %d ] && kill -0 "$child"; do sleep 0.1; i=$((i + 1)); done
              kill -0 "$child" && kill -9 "$child" ) 2>/dev/null &
            watcher=$!
            exec 3<&-
            trap 'kill "$child" 2>/dev/null' TERM INT HUP
            wait "$child"; status=$?
            while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
            kill "$watcher" 2>/dev/null
            exit "$status"
            """.formatted(KILL_AFTER_SECONDS * 10);

    private ParentBoundCommand() {
    }

    /** The shell command line that runs {@code command} bound to this JVM's life. */
    public static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "parent-bound"));
        wrapped.addAll(command);
        return wrapped;
    }
}
