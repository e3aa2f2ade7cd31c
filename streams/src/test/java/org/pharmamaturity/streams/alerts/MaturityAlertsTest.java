package org.pharmamaturity.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.AlertKind;
import org.pharmamaturity.schemas.avro.AlertSeverity;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.MaturityView;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.streams.maturity.MaturityUpdate;

/** A change of the eligible smart-factory tiers raises one TIER_CHANGE alert naming the tiers gained and lost. */
class MaturityAlertsTest {

    private static final Instant AS_OF = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void gainingAdvancedAndLosingNothingIsInformation() {
        List<Alert> alerts = MaturityAlerts.of(update(tiers(true, false), tiers(true, true)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.TIER_CHANGE);
            assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.INFO);
            assertThat(alert.getAttributes()).isEqualTo(Map.of("gained", "advanced", "lost", ""));
            assertThat(alert.getDetail()).isEqualTo("Smart-factory tiers of E1 changed: gained advanced, lost none.");
        });
    }

    @Test
    void losingBothIsAWarningNamingThem() {
        List<Alert> alerts = MaturityAlerts.of(update(tiers(true, true), tiers(false, false)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(alert.getAttributes()).isEqualTo(Map.of("gained", "", "lost", "basic,advanced"));
        });
    }

    @Test
    void theSameTiersOrAFirstResultRaiseNothing() {
        assertThat(MaturityAlerts.of(update(tiers(true, false), tiers(true, false)))).isEmpty();
        assertThat(MaturityAlerts.of(new MaturityUpdate("E1", null, result(tiers(true, true)), null))).isEmpty();
    }

    private static MaturityUpdate update(SmartFactoryTiers before, SmartFactoryTiers after) {
        return new MaturityUpdate("E1", result(before), result(after), null);
    }

    private static SmartFactoryTiers tiers(boolean basic, boolean advanced) {
        return new SmartFactoryTiers(basic, advanced, false, false);
    }

    /** A result at verified level 2 (no level change) with the given tiers. */
    private static EnterpriseMaturity result(SmartFactoryTiers tiers) {
        MaturityView view = new MaturityView(List.of(1.0, 1.0, 0.0, 0.0, 0.0), 2.0, 2, List.of());
        return EnterpriseMaturity.newBuilder().setEventId("e").setEventTime(AS_OF).setEnterpriseId("E1")
                .setAsOf(AS_OF).setModelVersion("cmmm-process-v1").setDeclared(view).setVerified(view)
                .setRequirements(List.of()).setEvidenceCoverage(0).setConfirmationRatio(0).setTiers(tiers).build();
    }
}
