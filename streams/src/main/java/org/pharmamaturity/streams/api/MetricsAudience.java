package org.pharmamaturity.streams.api;

/**
 * Who reads {@code GET /metrics}, and so which series they get: without credentials ({@code caller} null) only
 * series naming no enterprise and group statistics over groups the {@link GroupDisclosure} rule shows; an
 * enterprise's token adds that enterprise's own series; a regulator's token gets everything.
 *
 * @param caller the caller of a valid bearer token, or null without one
 * @param groups the minimum group size rule
 */
public record MetricsAudience(Caller caller, GroupDisclosure groups) {

    /** True when the series of {@code enterpriseId} may be served. */
    public boolean mayReadEnterprise(String enterpriseId) {
        return caller != null && caller.mayRead(enterpriseId);
    }

    /** True for a regulator's token, which reads the confidential programme series too. */
    public boolean isRegulator() {
        return caller != null && caller.isRegulator();
    }

    /** True when statistics over a group of {@code members} enterprises may be served. */
    public boolean mayReadGroup(long members) {
        return groups.showsStatistics(caller, members);
    }
}
