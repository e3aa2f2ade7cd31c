package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.SectorMaturity;

/**
 * A group's daily points and their comparison with the point a period before. Three points: 2025-01-01 (4
 * enterprises: levels 0, 2, 2, 3; mean 2.0), 2025-03-15 (5: mean 2.6), 2025-04-01 (5: levels 2, 2, 3, 3, 5; mean
 * 3.0). 2025-04-01 minus 90 days is 2025-01-01 (31 days of January + 28 of February + 31 of March = 90).
 */
class GroupTrendTest {

    private static final GroupDisclosure FIVE = new GroupDisclosure(5);

    private final NavigableMap<LocalDate, SectorMaturity> history = new TreeMap<>(Map.of(
            LocalDate.parse("2025-01-01"), point(4, 2.0, 2.0, 0.75, 0.25, Map.of("0", 1, "2", 2, "3", 1), 1),
            LocalDate.parse("2025-03-15"), point(5, 2.6, 2.0, 1.0, 0.4, Map.of("2", 3, "3", 1, "5", 1), 1),
            LocalDate.parse("2025-04-01"), point(5, 3.0, 3.0, 1.0, 0.6, Map.of("2", 2, "3", 2, "5", 1), 2)));

    @Test
    void eachFigureChangesAgainstThePointThePeriodBefore() {
        ArrayNode points = new GroupTrend(FIVE, Caller.aRegulator()).points(history, LocalDate.parse("2025-03-01"),
                Period.ofDays(90));
        // from 2025-03-01: two points; the reference of the first lies before from but is still used
        assertThat(points).hasSize(2);
        JsonNode march = points.get(0);
        assertThat(march.path("day").asText()).isEqualTo("2025-03-15");
        // 2025-03-15 minus 90 days = 2024-12-15: no point on or before it
        assertThat(march.path("change").isNull()).isTrue();

        JsonNode april = points.get(1);
        assertThat(april.path("meanScore").asDouble()).isEqualTo(3.0);
        assertThat(april.path("levelDistribution").path("3").asInt()).isEqualTo(2);
        JsonNode change = april.path("change");
        assertThat(change.path("comparedWith").asText()).isEqualTo("2025-01-01");
        assertThat(change.path("enterprises").asInt()).isEqualTo(1); // 5 - 4
        assertThat(change.path("meanScore").asDouble()).isCloseTo(1.0, within(1e-12)); // 3.0 - 2.0
        assertThat(change.path("medianScore").asDouble()).isCloseTo(1.0, within(1e-12)); // 3.0 - 2.0
        assertThat(change.path("shareAtLeastLevel2").asDouble()).isCloseTo(0.25, within(1e-12)); // 1.0 - 0.75
        assertThat(change.path("shareAtLeastLevel3").asDouble()).isCloseTo(0.35, within(1e-12)); // 0.6 - 0.25
        // levels: 0: 0 - 1, 2: 2 - 2, 3: 2 - 1, 5: 1 - 0
        assertThat(change.path("levelDistribution").path("0").asInt()).isEqualTo(-1);
        assertThat(change.path("levelDistribution").path("2").asInt()).isZero();
        assertThat(change.path("levelDistribution").path("3").asInt()).isEqualTo(1);
        assertThat(change.path("levelDistribution").path("5").asInt()).isEqualTo(1);
        assertThat(change.path("tierCounts").path("basic").asInt()).isEqualTo(1); // 2 - 1
    }

    @Test
    void withoutAPointOnTheDayTheNearestEarlierOneIsTheReference() {
        // 2025-04-01 minus 80 days = 2025-01-11: no point that day, the nearest earlier is 2025-01-01
        ArrayNode points = new GroupTrend(FIVE, Caller.aRegulator()).points(history, LocalDate.parse("2025-04-01"),
                Period.ofDays(80));
        assertThat(points).hasSize(1);
        assertThat(points.get(0).path("change").path("comparedWith").asText()).isEqualTo("2025-01-01");
        // without compare no change is given
        assertThat(new GroupTrend(FIVE, Caller.aRegulator()).points(history, LocalDate.parse("2025-04-01"), null)
                .get(0).has("change")).isFalse();
    }

    @Test
    void aWithheldPointAndAChangeAgainstOneKeepOnlyTheNumberOfEnterprises() {
        Caller enterprise = new Caller("E9");
        ArrayNode points = new GroupTrend(FIVE, enterprise).points(history, LocalDate.parse("2025-01-01"),
                Period.ofDays(90));
        JsonNode january = points.get(0); // 4 enterprises < 5
        assertThat(january.path("enterprises").asInt()).isEqualTo(4);
        assertThat(january.has("meanScore")).isFalse();
        assertThat(january.has(GroupDisclosure.WITHHELD_FIELD)).isTrue();
        JsonNode april = points.get(2); // 5 enterprises: shown, but its reference is withheld
        assertThat(april.path("meanScore").asDouble()).isEqualTo(3.0);
        assertThat(april.path("change").path("enterprises").asInt()).isEqualTo(1);
        assertThat(april.path("change").has("meanScore")).isFalse();
    }

    private static SectorMaturity point(int enterprises, double mean, double median, double share2, double share3,
            Map<String, Integer> levels, int basic) {
        return SectorMaturity.newBuilder().setEventId("e").setEventTime(Instant.EPOCH).setSector("C27")
                .setAsOf(Instant.EPOCH).setEnterprises(enterprises).setLevelDistribution(levels).setMeanScore(mean)
                .setMedianScore(median).setShareAtLeastLevel2(share2).setShareAtLeastLevel3(share3)
                .setContradictionRate(0).setDeclaredMeanScore(mean).setTierCounts(Map.of("basic", basic)).build();
    }
}
