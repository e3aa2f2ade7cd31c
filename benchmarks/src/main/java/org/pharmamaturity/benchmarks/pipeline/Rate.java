package org.pharmamaturity.benchmarks.pipeline;

/**
 * Records handled in a measured time.
 *
 * @param records how many records
 * @param seconds how long it took
 */
record Rate(long records, double seconds) {

    /** Records per second. */
    double perSecond() {
        return records / seconds;
    }
}
