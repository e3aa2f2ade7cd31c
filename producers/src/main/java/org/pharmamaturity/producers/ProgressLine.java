package org.pharmamaturity.producers;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A one-line progress display (events sent, rate, errors) rewritten in place on a terminal, and printed as a
 * plain line every few seconds when the output is a file or a pipe.
 */
public final class ProgressLine {

    private static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final long PIPED_INTERVAL_NANOS = 10 * INTERVAL_NANOS;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;

    /** A progress line on {@code out}; {@code terminal} selects in-place rewriting. */
    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A progress line on standard error, rewritten in place when a console is attached. */
    public static ProgressLine onStandardError() {
        return new ProgressLine(System.err, System.console() != null);
    }

    /** Prints the line when enough time has passed since the last one; {@code detail} is appended (built only then). */
    public void update(long sent, long failed, Supplier<String> detail) {
        long now = System.nanoTime();
        if (now - lastPrintNanos < (terminal ? INTERVAL_NANOS : PIPED_INTERVAL_NANOS)) {
            return;
        }
        lastPrintNanos = now;
        String line = String.format(Locale.ROOT, "%,d events sent, %,.0f/s, %,d errors, %s", sent,
                ratePerSecond(sent), failed, detail.get());
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the in-place line so the summary starts on a fresh line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    /** Events per second since this line was created. */
    public double ratePerSecond(long events) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    /** Seconds since this line was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
