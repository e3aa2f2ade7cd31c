package org.pharmamaturity.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pharmamaturity.evaluation.kpi.NetworkingRate;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.KpiValue;
import org.pharmamaturity.streams.state.avro.BatchFact;
import org.pharmamaturity.streams.state.avro.BatchTrack;
import org.pharmamaturity.streams.state.avro.ColdChainDayFigures;
import org.pharmamaturity.streams.state.avro.EnergyFact;
import org.pharmamaturity.streams.state.avro.EnterpriseDay;
import org.pharmamaturity.streams.state.avro.EnterpriseFact;
import org.pharmamaturity.streams.state.avro.EquipmentDayFact;
import org.pharmamaturity.streams.state.avro.OeeFigures;
import org.pharmamaturity.streams.state.avro.QualityFact;
import org.pharmamaturity.streams.state.avro.TelemetryFact;
import org.pharmamaturity.streams.testing.TestRecords;

/**
 * The running sums of the rolling window against a full recomputation (every stored day of the window tallied
 * afresh and summed oldest first, as the enterprise processor did before), value by value, after every
 * publication of a random sequence of facts over 45 days in any order. The days are kept and pruned as the
 * processor keeps them; several facts may come between two publications, as with a publication interval.
 */
class RollingWindowPropertiesTest {

    private static final int MARCH_1 = 20_148; // days since 1970-01-01
    private static final long MINUTE = 60_000L;
    private static final List<Equipment> REGISTERED = List.of(TestRecords.equipment("EQ1", "E1"),
            TestRecords.equipment("EQ2", "E1"), TestRecords.equipment("EQ3", "E1"));

    /** One step: a fact to apply, or (null) a publication. */
    record Step(EnterpriseFact fact) {
        @Override
        public String toString() {
            return fact == null ? "publish" : fact.toString();
        }
    }

    @Property(tries = 200)
    void runningSumsEqualAFullRecomputation(@ForAll("steps") List<Step> steps) {
        TreeMap<Integer, EnterpriseDay> storedDays = new TreeMap<>();
        Map<String, BatchTrack> storedBatches = new HashMap<>();
        Map<Integer, EnterpriseDay> changed = new HashMap<>();
        RollingWindow window = RollingWindow.empty();
        long latestFactMs = Long.MIN_VALUE;
        for (Step step : steps) {
            if (step.fact() != null) {
                EnterpriseDayFacts.Applied applied = EnterpriseDayFacts.apply("E1", step.fact(), Integer.MIN_VALUE,
                        storedDays::get, storedBatches::get);
                storedDays.putAll(applied.days());
                storedBatches.putAll(applied.batches());
                changed.putAll(applied.days());
                latestFactMs = Math.max(latestFactMs, step.fact().getTimeMs());
                continue;
            }
            if (changed.isEmpty()) {
                continue;
            }
            long previousMs = window.latestMs();
            long latestMs = Math.max(latestFactMs, previousMs);
            int latestDay = UtcDays.dayOf(latestMs);
            window.update(latestMs, changed.values(), storedDays::get);
            changed.clear();

            EnterpriseTallies full = EnterpriseTallies.NONE;
            for (EnterpriseDay day : storedDays.subMap(latestDay - RollingWindow.DAYS + 1, true, latestDay, true)
                    .values()) {
                full = full.plus(EnterpriseTallies.of(day, latestMs + 1));
            }
            assertSameValues(window.tallies(), full, latestMs);
            assertThat(window.tallies().earliestRawMs()).isEqualTo(full.earliestRawMs());
            assertThat(window.tallies().flags()).isEqualTo(full.flags());
            // Stored values do not grow with the readings: at most a contribution per day of the window, and a
            // latest reading per equipment.
            assertThat(window.state().getDays()).hasSizeLessThanOrEqualTo(RollingWindow.DAYS);
            assertThat(window.state().getLastReadingMs()).hasSizeLessThanOrEqualTo(REGISTERED.size());
            if (previousMs != Long.MIN_VALUE && UtcDays.dayOf(previousMs) < latestDay) {
                storedDays.headMap(latestDay - RollingWindow.DAYS, true).clear(); // as the processor prunes
            }
        }
    }

    /**
     * The same indicators, with the same coverage; counts and times exactly, floating-point sums to 1e-9 of their
     * size (a running sum adds and takes out in another order than a fresh sum).
     */
    private static void assertSameValues(EnterpriseTallies incremental, EnterpriseTallies full, long latestMs) {
        Map<String, KpiValue> expected = rollingValues(full, latestMs);
        Map<String, KpiValue> actual = rollingValues(incremental, latestMs);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((indicator, value) -> {
            assertClose(indicator, actual.get(indicator).getValue(), value.getValue());
            assertClose(indicator + " coverage", actual.get(indicator).getCoverage(), value.getCoverage());
        });
        assertThat(incremental.oee().runningMs()).isEqualTo(full.oee().runningMs());
        assertThat(incremental.oee().goodCount()).isEqualTo(full.oee().goodCount());
        assertThat(incremental.rightFirstTime()).isEqualTo(full.rightFirstTime());
        assertThat(incremental.metering()).isEqualTo(full.metering());
        assertThat(incremental.logging()).isEqualTo(full.logging());
    }

    private static void assertClose(String what, Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        double tolerance = 1e-9 * Math.max(1, Math.abs(expected));
        assertThat(Math.abs(actual - expected)).as("%s: %s against %s", what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }

    /** The values of the rolling record, as the enterprise processor puts them together. */
    private static Map<String, KpiValue> rollingValues(EnterpriseTallies tallies, long latestMs) {
        Map<String, KpiValue> values = new TreeMap<>(tallies.values(KpiValues.ROLLING_30_DAYS));
        double watched = Math.max(0, Math.min(1, (latestMs - (double) tallies.earliestRawMs())
                / NetworkingRate.LOOKBACK_MS));
        RegistryIndicators.put(values, REGISTERED, tallies.lastReadingMs(), latestMs, watched,
                KpiValues.LAST_24_HOURS, KpiValues.ROLLING_30_DAYS);
        return values;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> publish = Arbitraries.just(new Step(null));
        Arbitrary<Step> fact = Arbitraries.oneOf(telemetry(), energy(), equipmentDay(), coldChainDay(), batch(),
                deviation()).map(Step::new);
        // Three facts to a publication on average: publications see one fact or several.
        return Arbitraries.frequencyOf(Tuple.of(3, fact), Tuple.of(1, publish)).list().ofMinSize(1).ofMaxSize(120);
    }

    /** A time within the 45 days from March 1st, to the minute. */
    private static Arbitrary<Long> times() {
        return Arbitraries.longs().between(0, 45L * 24 * 60).map(minutes -> MARCH_1 * UtcDays.DAY_MS + minutes * MINUTE);
    }

    private static Arbitrary<String> equipmentIds() {
        return Arbitraries.of("EQ1", "EQ2", "EQ3");
    }

    private static Arbitrary<EnterpriseFact> telemetry() {
        return Combinators.combine(times(), equipmentIds())
                .as((time, equipmentId) -> new EnterpriseFact(time, true, new TelemetryFact(equipmentId)));
    }

    private static Arbitrary<EnterpriseFact> energy() {
        return Combinators.combine(times(), Arbitraries.of("M1", "M2"), Arbitraries.doubles().between(0, 500),
                Arbitraries.of("kWh", "furlong"))
                .as((time, meter, quantity, unit) -> new EnterpriseFact(time, true,
                        new EnergyFact(meter, "ELECTRICITY", quantity, unit)));
    }

    private static Arbitrary<EnterpriseFact> equipmentDay() {
        Arbitrary<OeeFigures> figures = Combinators.combine(Arbitraries.longs().between(0, 24),
                Arbitraries.longs().between(0, 4), Arbitraries.longs().between(0, 20),
                Arbitraries.doubles().between(0, 20), Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, 50))
                .as((observedHours, stopHours, runningHours, idealHours, good, reject) -> new OeeFigures(
                        24 * 3_600_000L, observedHours * 3_600_000L, Math.min(stopHours, observedHours) * 3_600_000L,
                        Math.min(runningHours, observedHours) * 3_600_000L, idealHours * 3_600_000.0, good, reject, 0,
                        0));
        return Combinators.combine(times(), equipmentIds(), figures,
                Arbitraries.of(List.<String>of(), List.of("IMPLAUSIBLE_PERFORMANCE"), List.of("OVERLAPPING_DATA")))
                .as((time, equipmentId, oee, flags) -> new EnterpriseFact(time, false,
                        new EquipmentDayFact(equipmentId, UtcDays.dayOf(time), oee, flags)));
    }

    private static Arbitrary<EnterpriseFact> coldChainDay() {
        return Combinators.combine(times(), Arbitraries.of("S1", "S2"), Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 90), Arbitraries.longs().between(1, 300),
                Arbitraries.longs().between(0, 300))
                .as((time, unit, excursions, outOfRange, samples, expected) -> new EnterpriseFact(time, false,
                        new ColdChainDayFigures(unit, "TRANSPORT", UtcDays.dayOf(time), excursions, outOfRange,
                                samples * Math.exp(-10_000 / 278.15), samples, samples, Math.max(samples, expected),
                                0L, 0)));
    }

    private static Arbitrary<EnterpriseFact> batch() {
        return Combinators.combine(times(), Arbitraries.of("B1", "B2", "B3", "B4"),
                Arbitraries.of("STARTED", "RELEASED"), Arbitraries.of(0.5, 0.97).injectNull(0.3))
                .as((time, batchId, status, share) -> new EnterpriseFact(time, true,
                        new BatchFact(batchId, status, share)));
    }

    private static Arbitrary<EnterpriseFact> deviation() {
        return Combinators.combine(times(), Arbitraries.of("Q1", "Q2", "Q3"), Arbitraries.of("CRITICAL", "MAJOR",
                "MINOR"), Arbitraries.of("B1", "B2", "B3", "B4").injectNull(0.3))
                .as((time, id, severity, batchId) -> new EnterpriseFact(time, true,
                        new QualityFact(id, "DEVIATION", severity, batchId, time)));
    }
}
