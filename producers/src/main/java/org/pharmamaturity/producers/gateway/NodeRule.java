package org.pharmamaturity.producers.gateway;

import java.util.Map;

/**
 * One OPC UA rule of a mapping file: the monitored node {@code nodeId} (e.g. {@code ns=2;s=Filler1.State}) belongs
 * to one equipment and makes records of {@code kind}: a state node read through {@code stateCodes}, a good or
 * reject counter ({@code counter}; running totals, turned into deltas), or a telemetry {@code tag} in {@code unit}.
 *
 * @param counter {@code good} or {@code reject} for a counter node, else null
 * @param idealCycleTimeMs the equipment's ideal cycle time, for counters; 0 otherwise
 */
public record NodeRule(String nodeId, GatewayKind kind, String enterpriseId, String siteId, String equipmentId,
                       String counter, double idealCycleTimeMs, String tag, String unit,
                       Map<String, String> stateCodes) {

    public NodeRule {
        stateCodes = Map.copyOf(stateCodes);
    }
}
