package org.pharmamaturity.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.EvidenceStatus;
import org.pharmamaturity.schemas.avro.Grade;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.RequirementAssessment;
import org.pharmamaturity.schemas.avro.ScenarioAssessment;
import org.pharmamaturity.schemas.avro.ScenarioEvidenceStatus;
import org.pharmamaturity.schemas.avro.ScenarioStatus;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.schemas.avro.TierReadiness;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;

/**
 * Run by {@link TrustedAvroPackagesTest} in a JVM without {@code org.apache.avro.SERIALIZABLE_PACKAGES}: reads a
 * record with nested records and enums with plain Avro (expected: refused), then through the deserializer, then
 * builds a record leaving a nested default to Avro (refused before the deserializer trusted the package).
 */
public final class TrustedPackagesProbe {

    private TrustedPackagesProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("property: "
                + (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null ? "absent" : "present"));
        EnterpriseMaturity maturity = maturity();
        // Plain Avro writing needs no class lookup; the serializer is not used because it trusts what it writes.
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        new SpecificDatumWriter<>(EnterpriseMaturity.class).write(maturity, encoder);

        try {
            new SpecificDatumReader<>(EnterpriseMaturity.class).read(null,
                    DecoderFactory.get().binaryDecoder(avro.toByteArray(), null));
            System.out.println("plain avro: read it, so this JVM trusts the package already");
        } catch (SecurityException e) {
            System.out.println("plain avro: refused, " + e.getClass().getSimpleName());
        }

        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        int id = registry.register("maturity.enterprise-value", EnterpriseMaturity.getClassSchema());
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        framed.write(WireFormat.header(id));
        framed.write(avro.toByteArray());
        AvroDeserializer<EnterpriseMaturity> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of("specific.avro.reader", true), false);
        EnterpriseMaturity read = deserializer.deserialize("maturity.enterprise", framed.toByteArray());
        System.out.println("serde: read " + read.getEnterpriseId() + " with " + read.getContradictions().size()
                + " contradiction");

        MaturityView withDefault = view().clearSubDomainScores().build();
        System.out.println("builder default: " + withDefault.getSubDomainScores().size() + " sub-domain scores");
    }

    private static MaturityView.Builder view() {
        return MaturityView.newBuilder().setLevelScores(List.of(1.0, 0.9, 0.5, 0.0, 0.0)).setScore(2.4).setLevel(2)
                .setSubDomainScores(List.of());
    }

    private static EnterpriseMaturity maturity() {
        // Every field is set: a field left to its default would make the builder itself need the trust.
        return EnterpriseMaturity.newBuilder()
                .setEventId("m-1").setEventTime(Instant.parse("2026-03-02T00:00:00Z")).setEnterpriseId("ENT-7")
                .setSector("C272").setAsOf(Instant.parse("2026-03-01T23:00:00Z"))
                .setModelVersion("cmmm-2020-reference-1")
                .setDeclared(view().build()).setVerified(view().build())
                .setRequirements(List.of(RequirementAssessment.newBuilder().setRequirementId("R-1")
                        .setSubDomain("resources.network").setLevel(2).setDeclaredGrade(Grade.FULL)
                        .setVerifiedGrade(Grade.PARTLY).setStatus(EvidenceStatus.CAPPED).setRuleId("E-1").build()))
                .setContradictions(List.of(new Contradiction("R-1", "E-1", "networkingRate", 0.4, 0.6, Grade.FULL,
                        Grade.PARTLY)))
                .setKpis(Map.of("networkingRate", 0.4)).setEvidenceCoverage(1.0).setConfirmationRatio(0.0)
                .setTiers(new SmartFactoryTiers(true, false, false, false))
                .setTierReadiness(List.of(new TierReadiness("advanced", false, List.of("no judged key indicators"))))
                .setScenarios(List.of(new ScenarioAssessment("S-1", "生产作业", "生产作业", ScenarioStatus.DEPLOYED, true,
                        null, ScenarioEvidenceStatus.VERIFIED, null)))
                .setLinkCoverage(List.of("生产作业")).setAiShare(1.0)
                .build();
    }
}
