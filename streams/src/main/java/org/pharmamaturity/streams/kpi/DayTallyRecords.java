package org.pharmamaturity.streams.kpi;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.pharmamaturity.evaluation.kpi.DeviationRate;
import org.pharmamaturity.evaluation.kpi.DeviationSeverity;
import org.pharmamaturity.evaluation.kpi.ElectronicRecordCoverage;
import org.pharmamaturity.evaluation.kpi.EnergyPerUnit;
import org.pharmamaturity.evaluation.kpi.MeanKineticTemperature;
import org.pharmamaturity.evaluation.kpi.Ratio;
import org.pharmamaturity.streams.state.avro.DayTallies;
import org.pharmamaturity.streams.state.avro.OeeFigures;

/**
 * {@link EnterpriseTallies} as the stored {@link DayTallies} and back, and the arithmetic that keeps a sum of them:
 * every field is a count or a sum, so a day is added with sign +1 and taken out with sign -1. What a sum of
 * tallies takes as a union or a minimum (flags, which kinds of data were seen) is kept as a count of days.
 */
final class DayTallyRecords {

    private DayTallyRecords() {
    }

    /** Nothing tallied, for {@code day}. */
    static DayTallies empty(int day) {
        return of(EnterpriseTallies.NONE, day, Long.MIN_VALUE);
    }

    /** The tallies of {@code day}, accounted up to {@code accountedEndMs}. */
    static DayTallies of(EnterpriseTallies tallies, int day, long accountedEndMs) {
        Map<String, Integer> flags = new HashMap<>();
        tallies.flags().forEach(flag -> flags.put(flag, 1));
        Map<String, Long> deviations = new HashMap<>();
        tallies.deviations().deviations().forEach((severity, count) -> deviations.put(severity.name(), count));
        return DayTallies.newBuilder()
                .setDay(day)
                .setAccountedEndMs(accountedEndMs)
                .setOee(OeeFigureRecords.toFigures(tallies.oee()))
                .setEquipmentDays(tallies.hasEquipment() ? 1 : 0)
                .setFlags(flags)
                .setRightFirstTime(tallies.rightFirstTime().numerator())
                .setReleased(tallies.rightFirstTime().denominator())
                .setBatchesWithShare(tallies.electronicRecords().batchesWithShare())
                .setElectronicBatches(tallies.electronicRecords().electronicBatches())
                .setDeviations(deviations)
                .setEnergyKgce(tallies.energy().energyKgce())
                .setOutputUnits(tallies.energy().outputUnits())
                .setMeteringReceived(tallies.metering().numerator())
                .setMeteringExpected(tallies.metering().denominator())
                .setEnergyDays(tallies.hasEnergy() ? 1 : 0)
                .setExcursions(tallies.excursions())
                .setOutOfRangeMinutes(tallies.outOfRangeMinutes())
                .setMktBoltzmannSum(tallies.mkt().boltzmannSum())
                .setMktSamples(tallies.mkt().samples())
                .setLoggingReceived(tallies.logging().numerator())
                .setLoggingExpected(tallies.logging().denominator())
                .setColdChainDays(tallies.hasColdChain() ? 1 : 0)
                .setEarliestRawMs(tallies.earliestRawMs())
                .build();
    }

    /**
     * Adds {@code day} to {@code sum} ({@code sign} +1) or takes it out (-1). The earliest raw time is a minimum,
     * not a sum: the caller sets it.
     */
    static void add(DayTallies sum, DayTallies day, int sign) {
        OeeFigures a = sum.getOee();
        OeeFigures b = day.getOee();
        sum.setOee(new OeeFigures(a.getWindowMs() + sign * b.getWindowMs(), a.getObservedMs() + sign * b.getObservedMs(),
                a.getPlannedStopMs() + sign * b.getPlannedStopMs(), a.getRunningMs() + sign * b.getRunningMs(),
                a.getIdealRunTimeMs() + sign * b.getIdealRunTimeMs(), a.getGoodCount() + sign * b.getGoodCount(),
                a.getRejectCount() + sign * b.getRejectCount(),
                a.getConflictingChanges() + sign * b.getConflictingChanges(),
                a.getDuplicateChanges() + sign * b.getDuplicateChanges()));
        sum.setEquipmentDays(sum.getEquipmentDays() + sign * day.getEquipmentDays());
        // A count that drops to zero is removed, so a sum holds only what some day of it holds.
        day.getFlags().forEach((flag, days) -> sum.getFlags().merge(flag, sign * days, (x, y) -> x + y == 0 ? null : x + y));
        sum.setRightFirstTime(sum.getRightFirstTime() + sign * day.getRightFirstTime());
        sum.setReleased(sum.getReleased() + sign * day.getReleased());
        sum.setBatchesWithShare(sum.getBatchesWithShare() + sign * day.getBatchesWithShare());
        sum.setElectronicBatches(sum.getElectronicBatches() + sign * day.getElectronicBatches());
        day.getDeviations().forEach((severity, count) -> sum.getDeviations().merge(severity, sign * count,
                (x, y) -> x + y == 0 ? null : x + y));
        sum.setEnergyKgce(sum.getEnergyKgce() + sign * day.getEnergyKgce());
        sum.setOutputUnits(sum.getOutputUnits() + sign * day.getOutputUnits());
        sum.setMeteringReceived(sum.getMeteringReceived() + sign * day.getMeteringReceived());
        sum.setMeteringExpected(sum.getMeteringExpected() + sign * day.getMeteringExpected());
        sum.setEnergyDays(sum.getEnergyDays() + sign * day.getEnergyDays());
        sum.setExcursions(sum.getExcursions() + sign * day.getExcursions());
        sum.setOutOfRangeMinutes(sum.getOutOfRangeMinutes() + sign * day.getOutOfRangeMinutes());
        sum.setMktBoltzmannSum(sum.getMktBoltzmannSum() + sign * day.getMktBoltzmannSum());
        sum.setMktSamples(sum.getMktSamples() + sign * day.getMktSamples());
        sum.setLoggingReceived(sum.getLoggingReceived() + sign * day.getLoggingReceived());
        sum.setLoggingExpected(sum.getLoggingExpected() + sign * day.getLoggingExpected());
        sum.setColdChainDays(sum.getColdChainDays() + sign * day.getColdChainDays());
    }

    /** The sum as tallies, with the equipment's latest readings (not a sum) given apart. */
    static EnterpriseTallies toTallies(DayTallies sum, Map<String, Long> lastReadingMs) {
        SortedSet<String> flags = new TreeSet<>(sum.getFlags().keySet());
        Map<DeviationSeverity, Long> deviations = new EnumMap<>(DeviationSeverity.class);
        sum.getDeviations().forEach((severity, count) -> deviations.put(DeviationSeverity.valueOf(severity), count));
        return new EnterpriseTallies(OeeFigureRecords.toTotals(sum.getOee()), sum.getEquipmentDays() > 0, flags,
                Map.copyOf(lastReadingMs), new Ratio(sum.getRightFirstTime(), sum.getReleased()),
                new ElectronicRecordCoverage(sum.getReleased(), sum.getBatchesWithShare(), sum.getElectronicBatches()),
                new DeviationRate(deviations, sum.getReleased()),
                new EnergyPerUnit(sum.getEnergyKgce(), sum.getOutputUnits()),
                new Ratio(sum.getMeteringReceived(), sum.getMeteringExpected()), sum.getEnergyDays() > 0,
                sum.getExcursions(), sum.getOutOfRangeMinutes(),
                new MeanKineticTemperature(sum.getMktBoltzmannSum(), sum.getMktSamples()),
                new Ratio(sum.getLoggingReceived(), sum.getLoggingExpected()), sum.getColdChainDays() > 0,
                sum.getEarliestRawMs());
    }
}
