package org.pharmamaturity.schemas.serde;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro 1.12 instantiate generated classes without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}. Avro
 * refuses to load any class outside its trusted set whenever it creates records or enums by name: when reading,
 * and also when a generated builder fills an unset field from a default that holds a record or enum. This adds
 * the packages of generated {@code SpecificRecord} classes to Avro's global validator, keeping whatever it
 * trusted before. The serde calls it for every class it reads or writes, and {@link org.pharmamaturity.schemas.Topic}
 * for the project's generated package when it is loaded.
 */
public final class TrustedAvroPackages {

    private static final Set<String> PACKAGES = ConcurrentHashMap.newKeySet();
    private static final ClassSecurityPredicate TRUSTS_ADDED_PACKAGES =
            c -> PACKAGES.contains(c.getPackageName());
    /** The composite this class installed; another component replacing the global one makes us re-install. */
    private static ClassSecurityPredicate installed;

    private TrustedAvroPackages() {
    }

    /** Trusts the package of the generated class (and so its nested records and enums). */
    public static synchronized void trustPackageOf(Class<?> generatedClass) {
        PACKAGES.add(generatedClass.getPackageName());
        ClassSecurityPredicate global = ClassSecurityValidator.getGlobal();
        if (global != installed) {
            installed = ClassSecurityValidator.composite(global, TRUSTS_ADDED_PACKAGES);
            ClassSecurityValidator.setGlobal(installed);
        }
    }
}
