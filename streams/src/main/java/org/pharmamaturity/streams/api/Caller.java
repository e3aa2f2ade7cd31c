package org.pharmamaturity.streams.api;

import java.util.Optional;

/**
 * Who sent a request, from the role of its bearer token: a regulator reads everything; an enterprise reads and
 * submits its own data and reads the sector aggregates, never another enterprise's data.
 *
 * @param enterpriseId the enterprise of an {@code enterprise:<id>} token; null for a regulator
 */
public record Caller(String enterpriseId) {

    /** The role name of regulators in token files. */
    public static final String REGULATOR_ROLE = "regulator";
    /** The prefix of enterprise roles in token files: {@code enterprise:<enterpriseId>}. */
    public static final String ENTERPRISE_ROLE_PREFIX = "enterprise:";

    /** A regulator. */
    public static Caller aRegulator() {
        return new Caller(null);
    }

    /** The role in a token file ({@code regulator} or {@code enterprise:<id>}), if it is one. */
    public static Optional<Caller> ofRole(String role) {
        if (REGULATOR_ROLE.equals(role)) {
            return Optional.of(aRegulator());
        }
        if (role.startsWith(ENTERPRISE_ROLE_PREFIX) && Identifiers.valid(role.substring(ENTERPRISE_ROLE_PREFIX.length()))) {
            return Optional.of(new Caller(role.substring(ENTERPRISE_ROLE_PREFIX.length())));
        }
        return Optional.empty();
    }

    /** True for a regulator. */
    public boolean isRegulator() {
        return enterpriseId == null;
    }

    /** True when the caller may read {@code id}'s data. */
    public boolean mayRead(String id) {
        return isRegulator() || enterpriseId.equals(id);
    }

    /** 403 unless the caller may read {@code id}'s data. */
    void requireRead(String id) {
        if (!mayRead(id)) {
            throw ApiException.forbidden("This token is for enterprise " + enterpriseId
                    + "; it reads only its own data and the sector aggregates.");
        }
    }

    /** The role name, as in the token file. */
    public String role() {
        return isRegulator() ? REGULATOR_ROLE : ENTERPRISE_ROLE_PREFIX + enterpriseId;
    }
}
