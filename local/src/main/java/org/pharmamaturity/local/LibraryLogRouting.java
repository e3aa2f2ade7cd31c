package org.pharmamaturity.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the local run's console for the stack's own lines: log lines of Kafka's broker, clients and Streams (and of
 * every other library) go to a file under the data directory instead, where hundreds of expected broker errors
 * (transaction retries, see docs/adr/0004) and store restores no longer look like a failure.
 *
 * <p>It sits behind {@code System.err}, where slf4j-simple writes (it looks {@code System.err} up at each line), and
 * sorts each line by the logger name that {@code simplelogger.properties} makes it print in full: a line of a logger
 * under {@code org.pharmamaturity} stays on the console unless it is one of the {@link #FILE_ONLY} ones; any other
 * log line goes to the file. The run's own messages ("run-local: ...") stay on the console; any other line (a stack
 * trace's) follows the line before it, or the console when there is none.
 */
final class LibraryLogRouting extends OutputStream {

    /** The file under the data directory. */
    static final String FILE_NAME = "local-run.log";
    /** slf4j-simple's line: time, the thread if shown, level, full logger name, " - ". */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? (?:\\[[^\\]]*\\] )?(?:TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - ");
    /** How {@link LocalStack#main} starts its own messages. */
    private static final String OWN_MESSAGE = "run-local: ";
    private static final String OWN_LOGGERS = "org.pharmamaturity.";
    /** Our own loggers whose lines are too many for a console: one line per restored store partition. */
    private static final Set<String> FILE_ONLY = Set.of("org.pharmamaturity.streams.metrics.StateRestoreLog");

    private final OutputStream console;
    private final OutputStream file;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lastToFile;

    LibraryLogRouting(OutputStream console, OutputStream file) {
        this.console = console;
        this.file = file;
    }

    /**
     * Routes {@code System.err} from now on: library lines are appended to {@code <dataDirectory>/local-run.log}.
     *
     * @return the log file
     */
    static Path install(Path dataDirectory) {
        Path logFile = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            OutputStream file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.setErr(new PrintStream(new LibraryLogRouting(System.err, file), true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log file " + logFile + ": " + e.getMessage(), e);
        }
        return logFile;
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            route();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        console.flush();
        file.flush();
    }

    @Override
    public void close() throws IOException {
        route();
        file.close();
    }

    private void route() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        Matcher logLine = LOG_LINE.matcher(text);
        if (logLine.find()) {
            String logger = logLine.group(1);
            lastToFile = !logger.startsWith(OWN_LOGGERS) || FILE_ONLY.contains(logger);
        } else if (text.startsWith(OWN_MESSAGE)) {
            lastToFile = false;
        }
        line.writeTo(lastToFile ? file : console);
        line.reset();
    }
}
