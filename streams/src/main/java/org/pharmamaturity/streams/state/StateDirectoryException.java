package org.pharmamaturity.streams.state;

import java.nio.file.Path;

/**
 * The state directory cannot hold the service's state stores; the message is one line that names the directory,
 * what is wrong and what to do.
 */
public final class StateDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StateDirectoryException(Path directory, String problem, String remedy) {
        super("State directory " + directory.toAbsolutePath() + " " + problem + ": " + remedy
                + " (state.dir, or MATURITY_STATE_DIR), then start again.");
    }
}
