package org.pharmamaturity.embedded;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh random passwords for test users, stores and brokers: hex, so they need no quoting in JAAS or properties. */
public final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 18;

    private RandomSecrets() {
    }

    /** A new password of 36 hex digits (144 random bits). */
    public static String next() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
