package org.pharmamaturity.streams.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pharmamaturity.evaluation.kpi.BatchOutcome;
import org.pharmamaturity.evaluation.kpi.DeviationRate;
import org.pharmamaturity.evaluation.kpi.DeviationSeverity;
import org.pharmamaturity.evaluation.kpi.ElectronicRecordCoverage;
import org.pharmamaturity.evaluation.kpi.EnergyMeteringCoverage;
import org.pharmamaturity.evaluation.kpi.EnergyPerUnit;
import org.pharmamaturity.evaluation.kpi.MeanKineticTemperature;
import org.pharmamaturity.evaluation.kpi.OeeResult;
import org.pharmamaturity.evaluation.kpi.OeeTotals;
import org.pharmamaturity.evaluation.kpi.Ratio;
import org.pharmamaturity.evaluation.kpi.RightFirstTime;
import org.pharmamaturity.evaluation.kpi.TimeWindow;
import org.pharmamaturity.evaluation.model.Indicators;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.ReleasedBatch;

/**
 * The tallies behind an enterprise's indicators over one day or several: every one is a sum of times, counts or
 * partial sums of the evaluation library (OeeTotals, Ratio, DeviationRate, EnergyPerUnit,
 * MeanKineticTemperature), so days add up exactly and each ratio is taken once, at the end. The networking
 * rate is not a sum and is computed by the caller from {@link #lastReadingMs()}.
 *
 * <p>Which indicators a result has: OEE and its factors when some equipment reported figures; the batch
 * indicators when a batch was released (electronicRecordCoverage also needs a known EBR share); energy when a
 * meter reported; cold chain when a logger reported. Coverage: OEE's is its observed share of the window
 * (evaluation OeeResult); electronicRecordCoverage's is the share of released batches with a known EBR share;
 * the others describe counts that are complete by construction and have coverage 1.
 */
public record EnterpriseTallies(
        OeeTotals oee,
        boolean hasEquipment,
        SortedSet<String> flags,
        Map<String, Long> lastReadingMs,
        Ratio rightFirstTime,
        ElectronicRecordCoverage electronicRecords,
        DeviationRate deviations,
        EnergyPerUnit energy,
        Ratio metering,
        boolean hasEnergy,
        long excursions,
        double outOfRangeMinutes,
        MeanKineticTemperature mkt,
        Ratio logging,
        boolean hasColdChain,
        long earliestRawMs) {

    /** The flag of an energy reading whose carrier and unit have no standard coal coefficient. */
    public static final String ENERGY_UNCONVERTIBLE_FLAG = "ENERGY_UNCONVERTIBLE:";

    /** Nothing tallied; the identity of {@link #plus}. */
    public static final EnterpriseTallies NONE = new EnterpriseTallies(OeeTotals.NONE, false, new TreeSet<>(), Map.of(),
            Ratio.EMPTY, ElectronicRecordCoverage.NONE, new DeviationRate(Map.of(), 0), EnergyPerUnit.NONE, Ratio.EMPTY,
            false, 0, 0, MeanKineticTemperature.NONE, Ratio.EMPTY, false, Long.MAX_VALUE);

    /**
     * The tallies of one day, whose data is accounted up to {@code accountedEndMs} (the day's end once it is over,
     * just after the enterprise's latest event before that); the energy meters are expected in every 15 minutes
     * of that part of the day.
     */
    public static EnterpriseTallies of(EnterpriseDay day, long accountedEndMs) {
        OeeTotals oee = OeeTotals.NONE;
        for (OeeFigures figures : day.getEquipment().values()) {
            oee = oee.plus(OeeFigureRecords.toTotals(figures));
        }
        SortedSet<String> flags = new TreeSet<>();
        day.getEquipmentFlags().values().forEach(flags::addAll);
        day.getUnconvertibleEnergy().forEach(pair -> flags.add(ENERGY_UNCONVERTIBLE_FLAG + pair));
        List<BatchOutcome> released = new ArrayList<>();
        day.getReleasedBatches().forEach((batchId, batch) -> released.add(outcome(batchId, batch)));
        List<DeviationSeverity> severities = day.getDeviations().values().stream().map(DeviationSeverity::valueOf)
                .toList();
        boolean hasEnergy = !day.getMeterReadings().isEmpty();
        long dayStart = UtcDays.startOf(day.getDay());
        Ratio metering = hasEnergy
                ? EnergyMeteringCoverage.compute(day.getMeterReadings().keySet(), day.getMeterReadings(),
                        new TimeWindow(dayStart, Math.max(dayStart + 1, Math.min(UtcDays.endOf(day.getDay()), accountedEndMs))))
                : Ratio.EMPTY;
        long excursions = 0;
        double outOfRange = 0;
        MeanKineticTemperature mkt = MeanKineticTemperature.NONE;
        Ratio logging = Ratio.EMPTY;
        for (ColdChainDayFigures unit : day.getColdChain().values()) {
            excursions += unit.getExcursions();
            outOfRange += unit.getOutOfRangeMinutes();
            mkt = mkt.plus(new MeanKineticTemperature(unit.getMktBoltzmannSum(), unit.getMktSamples()));
            logging = logging.plus(new Ratio(unit.getSamplesReceived(), unit.getSamplesExpected()));
        }
        return new EnterpriseTallies(oee, !day.getEquipment().isEmpty(), flags, Map.copyOf(day.getLastReadingMs()),
                RightFirstTime.compute(released), ElectronicRecordCoverage.compute(released),
                DeviationRate.compute(severities, released.size()),
                new EnergyPerUnit(day.getEnergyKgce(), oee.goodCount()), metering, hasEnergy, excursions, outOfRange,
                mkt, logging, !day.getColdChain().isEmpty(), day.getEarliestRawMs());
    }

    /** Both tallies added (a reading time per equipment: the later one). */
    public EnterpriseTallies plus(EnterpriseTallies other) {
        SortedSet<String> allFlags = new TreeSet<>(flags);
        allFlags.addAll(other.flags);
        Map<String, Long> readings = new HashMap<>(lastReadingMs);
        other.lastReadingMs.forEach((equipmentId, time) -> readings.merge(equipmentId, time, Math::max));
        return new EnterpriseTallies(oee.plus(other.oee), hasEquipment || other.hasEquipment, allFlags, readings,
                rightFirstTime.plus(other.rightFirstTime), electronicRecords.plus(other.electronicRecords),
                deviations.plus(other.deviations), energy.plus(other.energy), metering.plus(other.metering),
                hasEnergy || other.hasEnergy, excursions + other.excursions,
                outOfRangeMinutes + other.outOfRangeMinutes, mkt.plus(other.mkt), logging.plus(other.logging),
                hasColdChain || other.hasColdChain, Math.min(earliestRawMs, other.earliestRawMs));
    }

    /** The indicator values these tallies define, each over {@code window}. */
    public Map<String, KpiValue> values(String window) {
        Map<String, KpiValue> values = new TreeMap<>();
        if (hasEquipment) {
            OeeResult result = oee.result();
            values.put(Indicators.OEE, KpiValues.of(result.oee(), result.coverage(), window));
            values.put(Indicators.AVAILABILITY, KpiValues.of(result.availability(), result.coverage(), window));
            values.put(Indicators.PERFORMANCE, KpiValues.of(result.performance(), result.coverage(), window));
            values.put(Indicators.QUALITY, KpiValues.of(result.quality(), result.coverage(), window));
        }
        if (rightFirstTime.denominator() > 0) {
            values.put(Indicators.RIGHT_FIRST_TIME, KpiValues.of(rightFirstTime.value(), 1, window));
            values.put(Indicators.DEVIATIONS_PER_100_BATCHES, KpiValues.of(deviations.per100Batches(), 1, window));
            for (DeviationSeverity severity : DeviationSeverity.values()) {
                values.put(Indicators.DEVIATIONS_PER_100_BATCHES + "." + severity.name(),
                        KpiValues.of(deviations.per100Batches(severity), 1, window));
            }
            values.put(Indicators.ELECTRONIC_RECORD_COVERAGE, KpiValues.of(electronicRecords.value(),
                    electronicRecords.coverage().orElse(0), window));
        }
        if (hasEnergy) {
            values.put(Indicators.ENERGY_PER_UNIT, KpiValues.of(energy.value(), 1, window));
            values.put(Indicators.ENERGY_METERING_COVERAGE, KpiValues.of(metering.value(), 1, window));
        }
        if (hasColdChain) {
            values.put(Indicators.COLD_CHAIN_EXCURSIONS, KpiValues.of(OptionalDouble.of(excursions), 1, window));
            values.put(Indicators.TIME_OUT_OF_RANGE_MINUTES, KpiValues.of(OptionalDouble.of(outOfRangeMinutes), 1, window));
            values.put(Indicators.MKT, KpiValues.of(mkt.celsius(), 1, window));
            values.put(Indicators.COLD_CHAIN_LOGGING_COMPLIANCE, KpiValues.of(logging.value(), 1, window));
        }
        return values;
    }

    private static BatchOutcome outcome(String batchId, ReleasedBatch batch) {
        return new BatchOutcome(batchId, true, batch.getDeviationRaised(), batch.getElectronicRecordShare());
    }
}
