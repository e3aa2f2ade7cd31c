package org.pharmamaturity.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.SectorMaturity;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroSerializer;
import org.pharmamaturity.schemas.serde.SpecificAvroSerde;

/**
 * Records written by a producer that still has the first released schemas (v1, without the tier, scenario and
 * sector fields added for the smart-factory tiers) are read by the current classes, the added fields taking
 * their defaults: what a consumer upgraded before its producers sees.
 */
class ReleasedRecordsReadTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(CompatibilityLevel.NONE);

    @Test
    void aV1EnterpriseMaturityReadsWithTheNewTierAndScenarioFieldsAtTheirDefaults() throws IOException {
        GenericRecord old = fromJson("org.pharmamaturity.schemas.avro.EnterpriseMaturity", """
                {"eventId": "evt-1", "eventTime": 1772352000000, "enterpriseId": "E1", "sector": {"string": "C272"},
                 "asOf": 1772352000000, "modelVersion": "cmmm-2020-reference",
                 "declared": {"levelScores": [1.0, 1.0, 0.5, 0.0, 0.0], "score": 2.5, "level": 2, "subDomainScores": []},
                 "verified": {"levelScores": [1.0, 0.9, 0.5, 0.0, 0.0], "score": 2.4, "level": 2, "subDomainScores": []},
                 "requirements": [], "contradictions": [], "kpis": {"oee": 0.6},
                 "evidenceCoverage": 0.25, "confirmationRatio": 0.125,
                 "tiers": {"basic": true, "advanced": true}}""");

        EnterpriseMaturity read = readAs(EnterpriseMaturity.class, "maturity.enterprise", old);

        assertThat(read.getModelVersion()).isEqualTo("cmmm-2020-reference");
        assertThat(read.getVerified().getLevel()).isEqualTo(2);
        assertThat(read.getTiers().getBasic()).isTrue();
        assertThat(read.getTiers().getAdvanced()).isTrue();
        assertThat(read.getTiers().getExcellent()).isFalse();
        assertThat(read.getTiers().getLeading()).isFalse();
        assertThat(read.getTierReadiness()).isEmpty();
        assertThat(read.getScenarios()).isEmpty();
        assertThat(read.getLinkCoverage()).isEmpty();
        assertThat(read.getAiShare()).isNull();
    }

    @Test
    void aV1SectorMaturityReadsWithZeroTierAndScenarioCounts() throws IOException {
        GenericRecord old = fromJson("org.pharmamaturity.schemas.avro.SectorMaturity", """
                {"eventId": "evt-2", "eventTime": 1772352000000, "sector": "C272", "asOf": 1772352000000,
                 "modelVersion": null, "enterprises": 2, "levelDistribution": {"2": 1, "3": 1},
                 "meanScore": 2.9, "medianScore": 2.9, "shareAtLeastLevel2": 1.0, "subDomainMeans": {},
                 "contradictionRate": 0.5, "declaredMeanScore": 3.1}""");

        SectorMaturity read = readAs(SectorMaturity.class, "maturity.sector", old);

        assertThat(read.getEnterprises()).isEqualTo(2);
        assertThat(read.getShareAtLeastLevel2()).isEqualTo(1.0);
        assertThat(read.getShareAtLeastLevel3()).isEqualTo(0.0);
        assertThat(read.getTierCounts()).isEmpty();
        assertThat(read.getScenariosDeployed()).isZero();
        assertThat(read.getScenariosVerified()).isZero();
        // no benchmarks: the tiers' key-indicator gates say "no sector reference yet"
        assertThat(read.getKpiBenchmarks()).isEmpty();
    }

    private static GenericRecord fromJson(String fullName, String json) throws IOException {
        Schema v1 = ReleasedSchemas.released().get("v1").get(fullName);
        return new GenericDatumReader<GenericRecord>(v1).read(null, DecoderFactory.get().jsonDecoder(v1, json));
    }

    private <T extends SpecificRecord> T readAs(Class<T> type, String topic, GenericRecord old) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        byte[] bytes = serializer.serialize(topic, old);
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(registry, type);
        serde.configure(Map.of(), false);
        return serde.deserializer().deserialize(topic, bytes);
    }
}
