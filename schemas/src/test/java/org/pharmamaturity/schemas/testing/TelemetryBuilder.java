package org.pharmamaturity.schemas.testing;

import java.time.Instant;

import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.TelemetryQuality;

/** Builds {@link EquipmentTelemetry} test records with readable defaults: {@code aTelemetry().value(7).build()}. */
public final class TelemetryBuilder {

    private String eventId = "evt-1";
    private Instant eventTime = Instant.parse("2026-03-01T08:00:00Z");
    private String enterpriseId = "ENT-1";
    private String siteId = "SITE-1";
    private String equipmentId = "EQ-1";
    private String tag = "TT-101.PV";
    private double value = 21.5;
    private String unit = "Cel";
    private TelemetryQuality quality = TelemetryQuality.GOOD;

    private TelemetryBuilder() {
    }

    public static TelemetryBuilder aTelemetry() {
        return new TelemetryBuilder();
    }

    public TelemetryBuilder eventId(String id) {
        this.eventId = id;
        return this;
    }

    public TelemetryBuilder equipment(String id) {
        this.equipmentId = id;
        return this;
    }

    public TelemetryBuilder value(double v) {
        this.value = v;
        return this;
    }

    public TelemetryBuilder unit(String u) {
        this.unit = u;
        return this;
    }

    public TelemetryBuilder tag(String t) {
        this.tag = t;
        return this;
    }

    public EquipmentTelemetry build() {
        return EquipmentTelemetry.newBuilder()
                .setEventId(eventId).setEventTime(eventTime).setEnterpriseId(enterpriseId).setSiteId(siteId)
                .setEquipmentId(equipmentId).setTag(tag).setValue(value).setUnit(unit).setQuality(quality)
                .build();
    }
}
