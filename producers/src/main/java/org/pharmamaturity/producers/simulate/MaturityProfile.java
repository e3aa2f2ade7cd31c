package org.pharmamaturity.producers.simulate;

/**
 * How digitally mature a simulated enterprise really is ({@code trueLevel}, 1-5) and what it declares in its
 * self-assessment ({@code declaredLevel}, which an over-declarer puts above the true level). The telemetry
 * follows the true level only; the promised ranges below are what the tests check.
 *
 * <ul>
 *   <li>networked equipment share (exact quota per enterprise): 0.10, 0.35, 0.85, 0.95, 1.00 for levels 1-5,
 *       so a level-2 plant stays under the 0.5 cap of rule EQP-NET-CAP and a level-4 plant reaches 0.9;</li>
 *   <li>probability that a batch is recorded electronically (share of steps >= 0.95): 0.05, 0.30, 0.80, 0.97,
 *       1.00, so a level-2 plant's coverage is well under 0.5 and a level-4 plant's well over 0.9;</li>
 *   <li>probability that a cold-chain or energy sample is missing: 0.30, 0.15, 0.03, 0.005, 0.</li>
 * </ul>
 *
 * <p>Typical scenarios follow the declared level, as the declaration is the enterprise's own: it declares 2, 4, 8,
 * 14 or 20 of the 40 scenarios for levels 1-5; each is DEPLOYED with probability 0, 0.3, 0.6, 0.8, 0.9 (otherwise
 * PILOT or PLANNED, half and half), and a deployed or pilot scenario uses AI with probability 0, 0.05, 0.2, 0.5,
 * 0.7. A level-1 plant thus declares a few planned or pilot scenarios, a level-5 plant many deployed ones, most
 * with AI.
 *
 * @param trueLevel the level the plant's data supports, 1-5
 * @param declaredLevel the level the self-assessment claims, 1-5
 */
public record MaturityProfile(int trueLevel, int declaredLevel) {

    private static final double[] NETWORKED_SHARE = {0.10, 0.35, 0.85, 0.95, 1.00};
    private static final double[] ELECTRONIC_BATCH_PROBABILITY = {0.05, 0.30, 0.80, 0.97, 1.00};
    private static final double[] SAMPLE_GAP_PROBABILITY = {0.30, 0.15, 0.03, 0.005, 0.0};
    private static final double[] DEVIATION_PROBABILITY = {0.40, 0.30, 0.15, 0.08, 0.04};
    private static final double[] UNPLANNED_STOP_PROBABILITY = {0.50, 0.40, 0.25, 0.15, 0.10};
    private static final double[] EXCURSION_PROBABILITY = {0.20, 0.12, 0.06, 0.03, 0.02};
    private static final double[] REJECT_RATE = {0.040, 0.025, 0.015, 0.008, 0.005};
    private static final double[] PERFORMANCE = {0.70, 0.78, 0.85, 0.90, 0.93};
    private static final int[] DECLARED_SCENARIOS = {2, 4, 8, 14, 20};
    private static final double[] DEPLOYED_PROBABILITY = {0.0, 0.3, 0.6, 0.8, 0.9};
    private static final double[] AI_PROBABILITY = {0.0, 0.05, 0.2, 0.5, 0.7};

    public MaturityProfile {
        if (trueLevel < 1 || trueLevel > 5 || declaredLevel < 1 || declaredLevel > 5) {
            throw new IllegalArgumentException("levels are 1-5: true " + trueLevel + ", declared " + declaredLevel);
        }
    }

    /** A plant that declares what it is. */
    public static MaturityProfile honest(int level) {
        return new MaturityProfile(level, level);
    }

    /** Share of registered equipment that is networked and sends telemetry. */
    public double networkedShare() {
        return NETWORKED_SHARE[trueLevel - 1];
    }

    /** Probability that a batch has at least 95% of its record steps entered electronically. */
    public double electronicBatchProbability() {
        return ELECTRONIC_BATCH_PROBABILITY[trueLevel - 1];
    }

    /** Probability that an expected logger or meter sample never arrives. */
    public double sampleGapProbability() {
        return SAMPLE_GAP_PROBABILITY[trueLevel - 1];
    }

    /** Probability that a batch raises a deviation. */
    public double deviationProbability() {
        return DEVIATION_PROBABILITY[trueLevel - 1];
    }

    /** Probability that a production run ends in an unplanned stop rather than a changeover. */
    public double unplannedStopProbability() {
        return UNPLANNED_STOP_PROBABILITY[trueLevel - 1];
    }

    /** Probability that a cold-chain shipment or a storage day sees a temperature excursion. */
    public double excursionProbability() {
        return EXCURSION_PROBABILITY[trueLevel - 1];
    }

    /** Share of produced units rejected. */
    public double rejectRate() {
        return REJECT_RATE[trueLevel - 1];
    }

    /** Actual speed as a share of the ideal cycle time while running. */
    public double performance() {
        return PERFORMANCE[trueLevel - 1];
    }

    /** How many typical scenarios the enterprise declares. */
    public int declaredScenarios() {
        return DECLARED_SCENARIOS[declaredLevel - 1];
    }

    /** Probability that a declared scenario is DEPLOYED. */
    public double deployedProbability() {
        return DEPLOYED_PROBABILITY[declaredLevel - 1];
    }

    /** Probability that a deployed or pilot scenario uses AI. */
    public double aiProbability() {
        return AI_PROBABILITY[declaredLevel - 1];
    }
}
