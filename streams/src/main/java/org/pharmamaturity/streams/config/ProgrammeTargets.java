package org.pharmamaturity.streams.config;

/**
 * The targets of Shanghai's pharma programme (seed 003): how many benchmark smart factories, pioneer enterprises
 * and typical scenarios it aims for. Settings, because a programme's next edition moves them.
 *
 * @param benchmark benchmark smart factories (标杆性智能工厂), default 10
 * @param pioneer pioneer enterprises of digital transformation (数智化转型先锋企业), default 30
 * @param scenarios typical application scenarios (典型应用场景), default 100
 */
public record ProgrammeTargets(int benchmark, int pioneer, int scenarios) {

    /** The targets of tiers-and-scenarios.md section 5: 10, 30, 100. */
    public static final ProgrammeTargets DEFAULTS = new ProgrammeTargets(10, 30, 100);

    public ProgrammeTargets {
        if (benchmark < 0 || pioneer < 0 || scenarios < 0) {
            throw new IllegalArgumentException("programme targets must not be negative, not " + benchmark + "/"
                    + pioneer + "/" + scenarios);
        }
    }
}
