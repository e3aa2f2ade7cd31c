package org.pharmamaturity.streams.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.pharmamaturity.schemas.avro.Alert;
import org.pharmamaturity.schemas.avro.Contradiction;
import org.pharmamaturity.schemas.avro.EnterpriseMaturity;
import org.pharmamaturity.schemas.avro.SmartFactoryTiers;
import org.pharmamaturity.streams.maturity.MaturityUpdate;

/**
 * The alerts a new maturity result raises against the one it replaces: a LEVEL_CHANGE when the verified level
 * differs, a TIER_CHANGE naming the smart-factory tiers gained and lost when the eligible tiers differ, and a
 * CONTRADICTION for each contradiction (requirement and rule) the previous result did not have.
 */
public final class MaturityAlerts {

    private MaturityAlerts() {
    }

    /** The alerts of {@code update}, possibly none. */
    public static List<Alert> of(MaturityUpdate update) {
        EnterpriseMaturity current = update.current();
        EnterpriseMaturity previous = update.previous();
        List<Alert> alerts = new ArrayList<>();
        if (previous != null && previous.getVerified().getLevel() != current.getVerified().getLevel()) {
            alerts.add(Alerts.levelChange(update.enterpriseId(), current.getAsOf(), previous.getVerified().getLevel(),
                    current.getVerified().getLevel(), current.getVerified().getScore()));
        }
        if (previous != null) {
            List<String> before = eligible(previous.getTiers());
            List<String> after = eligible(current.getTiers());
            if (!before.equals(after)) {
                alerts.add(Alerts.tierChange(update.enterpriseId(), current.getAsOf(),
                        after.stream().filter(t -> !before.contains(t)).toList(),
                        before.stream().filter(t -> !after.contains(t)).toList()));
            }
        }
        Set<String> known = previous == null ? Set.of() : previous.getContradictions().stream()
                .map(MaturityAlerts::identity).collect(Collectors.toSet());
        for (Contradiction contradiction : current.getContradictions()) {
            if (!known.contains(identity(contradiction))) {
                alerts.add(Alerts.contradiction(update.enterpriseId(), current.getAsOf(), contradiction));
            }
        }
        return alerts;
    }

    /** The tiers eligible, lowest first. */
    private static List<String> eligible(SmartFactoryTiers tiers) {
        List<String> eligible = new ArrayList<>();
        if (tiers.getBasic()) {
            eligible.add("basic");
        }
        if (tiers.getAdvanced()) {
            eligible.add("advanced");
        }
        if (tiers.getExcellent()) {
            eligible.add("excellent");
        }
        if (tiers.getLeading()) {
            eligible.add("leading");
        }
        return eligible;
    }

    private static String identity(Contradiction contradiction) {
        return contradiction.getRequirementId() + "|" + contradiction.getRuleId();
    }
}
