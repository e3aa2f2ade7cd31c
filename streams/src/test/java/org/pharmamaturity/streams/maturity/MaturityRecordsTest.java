package org.pharmamaturity.streams.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmamaturity.streams.testing.TestRecords.assessment;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.streams.testing.Answers;
import org.pharmamaturity.streams.testing.PipelineDriver;

/** What counts as the same verdict: everything but the stamps (ids, times, asOf) and the KPI values. */
class MaturityRecordsTest {

    private final EnterpriseMaturity result = publishedResult();

    @Test
    void resultsThatDifferOnlyInTheirStampsAndKpisSayTheSame() {
        EnterpriseMaturity restamped = EnterpriseMaturity.newBuilder(result).setEventId("another")
                .setEventTime(Instant.parse("2030-01-01T00:00:00Z")).setAsOf(Instant.parse("2030-01-01T00:00:00Z"))
                .setKpis(Map.of()).build();
        assertThat(MaturityRecords.sameVerdict(restamped, result)).isTrue();
    }

    @Test
    void anotherSectorScoreOrRatioIsAnotherVerdict() {
        assertThat(MaturityRecords.sameVerdict(EnterpriseMaturity.newBuilder(result).setSector("C271").build(), result))
                .isFalse();
        EnterpriseMaturity rescored = EnterpriseMaturity.newBuilder(result).build();
        rescored.getVerified().setScore(result.getVerified().getScore() + 0.5);
        assertThat(MaturityRecords.sameVerdict(rescored, result)).isFalse();
        assertThat(MaturityRecords.sameVerdict(EnterpriseMaturity.newBuilder(result)
                .setConfirmationRatio(0.25).build(), result)).isFalse();
        assertThat(MaturityRecords.sameVerdict(result, null)).isFalse();
    }

    private static EnterpriseMaturity publishedResult() {
        try (PipelineDriver driver = PipelineDriver.withPlant("E1", "C272")) {
            driver.pipe(Topic.ASSESSMENT_SELF_SUBMITTED, "E1",
                    assessment("E1", "A1", "2025-03-01T00:00:00Z", Answers.fullUpTo(2)));
            return driver.latest(Topic.MATURITY_ENTERPRISE).get("E1");
        }
    }
}
