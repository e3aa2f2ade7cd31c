package org.pharmamaturity.streams.api;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The minimum group size rule for every statistic over a group of enterprises (sectors now, districts later): a
 * statistic over fewer than {@code maturity.api.min-group-size} enterprises would reveal single enterprises'
 * results (a one-member sector's mean is that enterprise's score), so below it a caller other than a regulator gets
 * the number of enterprises only. A regulator, who may read every enterprise anyway, sees everything.
 */
public final class GroupDisclosure {

    /** The field of a withheld group's answer that says why only counts are shown. */
    public static final String WITHHELD_FIELD = "withheld";

    private final int minGroupSize;

    /** The rule with groups of at least {@code minGroupSize} enterprises shown in full. */
    public GroupDisclosure(int minGroupSize) {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("the minimum group size must be 1 or more, not " + minGroupSize);
        }
        this.minGroupSize = minGroupSize;
    }

    /** The smallest group whose statistics every caller sees. */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** True when {@code caller} (null: no credentials) may see statistics over a group of {@code members}. */
    public boolean showsStatistics(Caller caller, long members) {
        return caller != null && caller.isRegulator() || members >= minGroupSize;
    }

    /**
     * {@code group} (the JSON of one group's statistics) as {@code caller} may see it: whole, or only the fields of
     * {@code countFields} (the group's name and its number of enterprises) and a {@link #WITHHELD_FIELD} saying why.
     */
    ObjectNode disclose(Caller caller, ObjectNode group, long members, Set<String> countFields) {
        if (showsStatistics(caller, members)) {
            return group;
        }
        group.retain(countFields);
        group.put(WITHHELD_FIELD, "Only the number of enterprises is shown for groups of fewer than " + minGroupSize
                + " enterprises (maturity.api.min-group-size), so that no statistic reveals a single enterprise;"
                + " a regulator sees every statistic.");
        return group;
    }
}
