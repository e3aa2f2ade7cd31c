package org.pharmamaturity.producers.load;

import java.util.Locale;

/**
 * One timed load run: how many records of which mean size were acknowledged in how long.
 *
 * @param mode {@code avro} (the project's serializer and the pipeline's topics) or {@code raw} (byte arrays)
 */
public record LoadResult(String mode, long records, long acknowledged, long failed, double bytesPerRecord,
                         double seconds) {

    /** Acknowledged records per second. */
    public double recordsPerSecond() {
        return seconds > 0 ? acknowledged / seconds : 0;
    }

    /** A line for the terminal and for BENCHMARKS.md. */
    public String render() {
        return String.format(Locale.ROOT, "load %-4s: %,d records (%,d acknowledged, %,d failed) of %.0f bytes in %.2f s:"
                        + " %,.0f records/s, %.2f MB/s", mode, records, acknowledged, failed, bytesPerRecord, seconds,
                recordsPerSecond(), recordsPerSecond() * bytesPerRecord / 1e6);
    }
}
