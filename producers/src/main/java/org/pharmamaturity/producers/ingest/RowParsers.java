package org.pharmamaturity.producers.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.pharmamaturity.producers.simulate.Sector;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.EquipmentState;
import org.pharmamaturity.schemas.avro.EquipmentStateChange;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.ManufacturingType;
import org.pharmamaturity.schemas.avro.ProductionCount;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.schemas.avro.Title;
import org.pharmamaturity.schemas.avro.TitleAward;
import org.pharmamaturity.schemas.title.TitleAwardRules;

/**
 * One parser per row-shaped file kind: the fields each record needs (names as in the Avro records) and the checks
 * beyond their types. Each returns null when the row has problems, which {@link RowFields} holds.
 */
final class RowParsers {

    /** 统一社会信用代码: 18 characters of digits and capitals other than I, O, S, V, Z. */
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private RowParsers() {
    }

    /** {@code eventTime, enterpriseId, siteId, equipmentId, tag, value[, unit][, quality]}. */
    static ParsedRecord<EquipmentTelemetry> telemetry(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String equipmentId = row.text("equipmentId");
        String tag = row.text("tag");
        double value = row.number("value");
        String unit = row.optionalText("unit");
        TelemetryQuality quality = row.optionalChoice("quality", TelemetryQuality.class, TelemetryQuality.GOOD);
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.FACTORY_EQUIPMENT_TELEMETRY, equipmentId, new EquipmentTelemetry(eventId,
                eventTime, enterpriseId, siteId, equipmentId, tag, value, unit, quality));
    }

    /** {@code eventTime, enterpriseId, siteId, equipmentId, state[, reasonCode]}. */
    static ParsedRecord<EquipmentStateChange> state(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String equipmentId = row.text("equipmentId");
        EquipmentState state = row.choice("state", EquipmentState.class);
        String reasonCode = row.optionalText("reasonCode");
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.FACTORY_EQUIPMENT_STATE, equipmentId, new EquipmentStateChange(eventId,
                eventTime, enterpriseId, siteId, equipmentId, state, reasonCode));
    }

    /** {@code eventTime, enterpriseId, siteId, equipmentId, goodCount, rejectCount, idealCycleTimeMs[, batchId]}. */
    static ParsedRecord<ProductionCount> count(RowFields row) {
        String eventId = row.eventId();
        Instant eventTime = row.instant("eventTime");
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String equipmentId = row.text("equipmentId");
        String batchId = row.optionalText("batchId");
        long good = row.count("goodCount");
        long reject = row.count("rejectCount");
        double idealCycleTimeMs = row.number("idealCycleTimeMs");
        if (idealCycleTimeMs <= 0 && row.optionalText("idealCycleTimeMs") != null) {
            row.problem("idealCycleTimeMs", "'" + row.optionalText("idealCycleTimeMs")
                    + "' is not a positive number of milliseconds");
        }
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.FACTORY_PRODUCTION_COUNT, equipmentId, new ProductionCount(eventId, eventTime,
                enterpriseId, siteId, equipmentId, batchId, good, reject, idealCycleTimeMs));
    }

    /** {@code enterpriseId, name, uscc, sector, manufacturingType[, district][, eventTime]}. */
    static ParsedRecord<Enterprise> enterprise(RowFields row, Instant ingestTime) {
        String eventId = row.eventId();
        Instant eventTime = row.optionalInstant("eventTime", ingestTime);
        String enterpriseId = row.text("enterpriseId");
        String name = row.text("name");
        String uscc = row.text("uscc");
        if (uscc != null && !USCC.matcher(uscc).matches()) {
            row.problem("uscc", "'" + uscc + "' is not an 18-character unified social credit code");
        }
        String sector = row.text("sector");
        if (sector != null && Arrays.stream(Sector.values()).noneMatch(s -> s.code().equals(sector))) {
            row.problem("sector", "'" + sector + "' is not a GB/T 4754 pharma code " + Arrays.toString(Sector.values()));
        }
        String district = row.optionalText("district");
        ManufacturingType type = row.choice("manufacturingType", ManufacturingType.class);
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.REF_ENTERPRISE, enterpriseId, new Enterprise(eventId, eventTime, enterpriseId,
                name, uscc, sector, district, type));
    }

    /** {@code enterpriseId, siteId, equipmentId, equipmentClass, keyProcess, digitalControl, dataInterface[, lineId][, eventTime]}. */
    static ParsedRecord<Equipment> equipment(RowFields row, Instant ingestTime) {
        String eventId = row.eventId();
        Instant eventTime = row.optionalInstant("eventTime", ingestTime);
        String enterpriseId = row.text("enterpriseId");
        String siteId = row.text("siteId");
        String equipmentId = row.text("equipmentId");
        String lineId = row.optionalText("lineId");
        EquipmentClass equipmentClass = row.choice("equipmentClass", EquipmentClass.class);
        boolean keyProcess = row.bool("keyProcess");
        boolean digitalControl = row.bool("digitalControl");
        boolean dataInterface = row.bool("dataInterface");
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.REF_EQUIPMENT, equipmentId, new Equipment(eventId, eventTime, enterpriseId,
                siteId, equipmentId, lineId, equipmentClass, keyProcess, digitalControl, dataInterface));
    }

    /**
     * {@code enterpriseId, title, awardingBody, year[, scenarioId][, expiresOn][, eventTime]}, checked by the
     * pipeline's own {@link TitleAwardRules} (the pipeline adds the scenario catalogue); keyed by
     * {@link Topic#titleKey}.
     */
    static ParsedRecord<TitleAward> title(RowFields row, Instant ingestTime) {
        String eventId = row.eventId();
        Instant eventTime = row.optionalInstant("eventTime", ingestTime);
        String enterpriseId = row.text("enterpriseId");
        Title title = row.choice("title", Title.class);
        String scenarioId = row.optionalText("scenarioId");
        String awardingBody = row.text("awardingBody");
        long year = row.count("year");
        LocalDate expiresOn = row.optionalDate("expiresOn");
        if (!row.problems().isEmpty()) {
            return null;
        }
        TitleAward award = new TitleAward(eventId, eventTime, enterpriseId, title, scenarioId, awardingBody,
                (int) Math.min(year, Integer.MAX_VALUE), expiresOn);
        TitleAwardRules.problems(award).forEach(problem -> row.problem(problem.field(), problem.message()));
        if (!row.problems().isEmpty()) {
            return null;
        }
        return new ParsedRecord<>(Topic.REF_TITLE, Topic.titleKey(enterpriseId, title.name(), scenarioId), award);
    }
}
