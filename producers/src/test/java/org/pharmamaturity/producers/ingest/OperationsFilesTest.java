package org.pharmamaturity.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.evaluation.model.ModelRegistry;
import org.pharmamaturity.schemas.avro.BatchState;
import org.pharmamaturity.schemas.avro.BatchStatus;
import org.pharmamaturity.schemas.avro.ColdChainContext;
import org.pharmamaturity.schemas.avro.ColdChainReading;
import org.pharmamaturity.schemas.avro.EnergyCarrier;
import org.pharmamaturity.schemas.avro.EnergyReading;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.QualityEvent;
import org.pharmamaturity.schemas.avro.QualityEventType;
import org.pharmamaturity.schemas.avro.QualitySeverity;
import org.pharmamaturity.schemas.avro.ShipmentEvent;
import org.pharmamaturity.schemas.avro.ShipmentStatus;

/** The operations kinds of {@code ingest}: the example files give exactly these records; bad rows name their fields. */
class OperationsFilesTest {

    private static final Path EXAMPLES = FileValidatorTest.EXAMPLES;
    private final FileValidator validator = new FileValidator(ModelRegistry.builtIn(), ColumnMapping.NONE,
            FileValidatorTest.INGEST_TIME);

    @Test
    void countsAreKeyedByEquipment() {
        Validation validation = clean("counts.csv", IngestKind.counts);
        assertThat(validation.records()).extracting(ParsedRecord::key).containsExactly("EX-E001-FL1", "EX-E001-FL1");
        ProductionCount first = (ProductionCount) validation.records().getFirst().value();
        assertThat(first.getGoodCount()).isEqualTo(3420);
        assertThat(first.getRejectCount()).isEqualTo(180);
        assertThat(first.getIdealCycleTimeMs()).isEqualTo(1000.0);
        assertThat(first.getBatchId()).isEqualTo("EX-B-0301");
    }

    @Test
    void batchesTakeTheirOptionalShareAndReviewByException() {
        List<BatchStatus> batches = values(clean("batches.csv", IngestKind.batches), BatchStatus.class);
        assertThat(batches).extracting(BatchStatus::getStatus, BatchStatus::getElectronicRecordShare,
                        BatchStatus::getReviewByException)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BatchState.STARTED, null, false),
                        org.assertj.core.groups.Tuple.tuple(BatchState.RELEASED, 0.95, true));
    }

    @Test
    void qualityEventsEnergyColdChainAndShipments() {
        QualityEvent deviation = values(clean("quality.jsonl", IngestKind.quality), QualityEvent.class).getFirst();
        assertThat(deviation.getType()).isEqualTo(QualityEventType.DEVIATION);
        assertThat(deviation.getSeverity()).isEqualTo(QualitySeverity.MINOR);
        assertThat(deviation.getClosedAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));

        List<EnergyReading> energy = values(clean("energy.csv", IngestKind.energy), EnergyReading.class);
        assertThat(energy).extracting(EnergyReading::getCarrier, EnergyReading::getQuantity, EnergyReading::getUnit,
                        EnergyReading::getEquipmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EnergyCarrier.ELECTRICITY, 412.5, "kWh", null),
                        org.assertj.core.groups.Tuple.tuple(EnergyCarrier.STEAM, 1.8, "t", "EX-E001-BR1"));

        Validation coldChain = clean("coldchain.csv", IngestKind.coldchain);
        // keyed by the shipment in transport and by the storage unit in storage
        assertThat(coldChain.records()).extracting(ParsedRecord::key).containsExactly("EX-SH-44", "EX-CR-1");
        assertThat(values(coldChain, ColdChainReading.class)).extracting(ColdChainReading::getContext,
                        ColdChainReading::getTemperatureC, ColdChainReading::getRelativeHumidity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ColdChainContext.TRANSPORT, 5.5, null),
                        org.assertj.core.groups.Tuple.tuple(ColdChainContext.STORAGE, 4.0, 45.0));

        ShipmentEvent shipment = values(clean("shipments.jsonl", IngestKind.shipments), ShipmentEvent.class).getFirst();
        assertThat(shipment.getStatus()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(shipment.getVehicleQualified()).isTrue();
        assertThat(shipment.getBatches()).containsExactly("EX-B-0301", "EX-B-0302");
    }

    @Test
    void badRowsOfTheNewKindsNameEveryProblem() {
        Path file = FileValidatorTest.BAD.resolve("bad-operations.csv");
        Validation validation = validator.validate(file, IngestKind.coldchain);
        assertThat(validation.problems()).extracting(RowProblem::toString).containsExactly(
                file + ":2: shipmentId: missing; a TRANSPORT reading names its shipment",
                file + ":3: temperatureC: '-300.0' is not a physical temperature",
                file + ":3: labelMaxC: label range 8.0..2.0 is empty",
                file + ":4: context: 'AIR' is not one of [TRANSPORT, STORAGE]");
        assertThat(validation.records()).isEmpty();

        Map<String, String> negative = Map.of("eventTime", "2026-03-01T08:00:00Z", "enterpriseId", "E", "siteId", "S",
                "meterId", "M", "carrier", "WATER", "quantity", "-2", "unit", "m3");
        assertThat(FileValidator.validateRow(IngestKind.energy, "row", negative, FileValidatorTest.INGEST_TIME).problems())
                .extracting(RowProblem::reason)
                .containsExactly("'-2.0' is negative; a reading is the quantity consumed, 0 or more");
        Map<String, String> reopened = Map.of("eventTime", "2026-03-01T08:00:00Z", "enterpriseId", "E", "siteId", "S",
                "qualityEventId", "Q", "type", "OOS", "severity", "MAJOR", "openedAt", "2026-03-02T00:00:00Z",
                "closedAt", "2026-03-01T00:00:00Z");
        assertThat(FileValidator.validateRow(IngestKind.quality, "row", reopened, FileValidatorTest.INGEST_TIME).problems())
                .extracting(RowProblem::field).containsExactly("closedAt");
        Map<String, String> share = Map.of("eventTime", "2026-03-01T08:00:00Z", "enterpriseId", "E", "siteId", "S",
                "batchId", "B", "productCode", "P", "status", "RELEASED", "electronicRecordShare", "1.5");
        assertThat(FileValidator.validateRow(IngestKind.batches, "row", share, FileValidatorTest.INGEST_TIME).problems())
                .extracting(RowProblem::reason).containsExactly("'1.5' is not a share from 0 to 1");
    }

    private Validation clean(String file, IngestKind kind) {
        Validation validation = validator.validate(EXAMPLES.resolve(file), kind);
        assertThat(validation.problems()).isEmpty();
        return validation;
    }

    private static <V> List<V> values(Validation validation, Class<V> type) {
        return validation.records().stream().map(ParsedRecord::value).map(type::cast).toList();
    }
}
