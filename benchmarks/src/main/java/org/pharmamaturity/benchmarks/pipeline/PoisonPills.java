package org.pharmamaturity.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Which backlog records a run replaces by garbage (bytes that are not Avro, sent to the same topic with the same
 * key), to measure how a poison-pill flood slows the good records: every {@code every}-th record, so 10 is a
 * 10 % flood; 0 replaces none.
 *
 * @param every the period of the garbage, 0 for none
 */
record PoisonPills(int every) {

    static final PoisonPills NONE = new PoisonPills(0);

    PoisonPills {
        if (every < 0) {
            throw new BenchmarkException("--poison-every must be 0 (none) or more, not " + every);
        }
    }

    /** True when the backlog record at {@code index} (from 0) is sent as garbage: the N-th, 2N-th, ... record. */
    boolean replaces(int index) {
        return every > 0 && (index + 1) % every == 0;
    }

    /** How many of {@code records} backlog records are garbage. */
    int count(int records) {
        return every == 0 ? 0 : records / every;
    }

    /** The garbage sent instead of record {@code index}; its first byte is not the wire format's magic byte 0. */
    static byte[] garbage(int index) {
        return ("not avro " + index).getBytes(StandardCharsets.UTF_8);
    }

    /** Appended to a run's label, e.g. {@code " + poison 1/10"}; empty for none. */
    String labelSuffix() {
        return every == 0 ? "" : " + poison 1/" + every;
    }
}
