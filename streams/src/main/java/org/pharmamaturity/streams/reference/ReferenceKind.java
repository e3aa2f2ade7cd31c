package org.pharmamaturity.streams.reference;

import java.util.List;

import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.evaluation.scenario.ScenarioCatalogue;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.schemas.avro.TitleAward;

/**
 * How one kind of reference record is checked and stored.
 *
 * @param <V> the reference record type
 */
interface ReferenceKind<V> {

    /** Adds a sentence to {@code problems} for every reason the record cannot be used. */
    void check(String key, V value, List<String> problems);

    /** Stores the record under its key (and any derived entries). */
    void put(String key, V value, KeyValueStore<String, V> store);

    /** Removes the record of the key (and any derived entries). */
    void remove(String key, KeyValueStore<String, V> store);

    /** The checks of a kind, as {@link #check}. */
    @FunctionalInterface
    interface Check<V> {
        void check(String key, V value, List<String> problems);
    }

    /** Enterprises: stored under enterpriseId. */
    ReferenceKind<Enterprise> ENTERPRISE = plain((key, value, problems) -> {
        requireKey(key, value.getEnterpriseId(), "enterpriseId", problems);
        requireText(value.getSector(), "sector", problems);
        requireText(value.getName(), "name", problems);
    });

    /** Equipment: stored under equipmentId, and under an index key of its enterprise. */
    ReferenceKind<Equipment> EQUIPMENT = new ReferenceKind<>() {
        @Override
        public void check(String key, Equipment value, List<String> problems) {
            requireKey(key, value.getEquipmentId(), "equipmentId", problems);
            requireText(value.getEnterpriseId(), "enterpriseId", problems);
            requireText(value.getSiteId(), "siteId", problems);
        }

        @Override
        public void put(String key, Equipment value, KeyValueStore<String, Equipment> store) {
            remove(key, store);
            store.put(key, value);
            store.put(ReferenceData.indexKey(value.getEnterpriseId(), key), value);
        }

        @Override
        public void remove(String key, KeyValueStore<String, Equipment> store) {
            Equipment previous = store.delete(key);
            if (previous != null) {
                store.delete(ReferenceData.indexKey(previous.getEnterpriseId(), key));
            }
        }
    };

    /**
     * Title awards, checked against the scenario catalogue in force ({@link TitleChecks}), stored under
     * {@link org.pharmamaturity.schemas.Topic#titleKey}.
     */
    static ReferenceKind<TitleAward> titles(ScenarioCatalogue catalogue) {
        return plain((key, value, problems) -> TitleChecks.check(key, value, catalogue, problems));
    }

    /** A kind stored under its key, with nothing derived. */
    private static <V> ReferenceKind<V> plain(Check<V> checks) {
        return new ReferenceKind<>() {
            @Override
            public void check(String key, V value, List<String> problems) {
                checks.check(key, value, problems);
            }

            @Override
            public void put(String key, V value, KeyValueStore<String, V> store) {
                store.put(key, value);
            }

            @Override
            public void remove(String key, KeyValueStore<String, V> store) {
                store.delete(key);
            }
        };
    }

    private static void requireKey(String key, String id, String field, List<String> problems) {
        if (!key.equals(id)) {
            problems.add("the key '" + key + "' differs from " + field + " '" + id + "'");
        }
    }

    private static void requireText(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is blank");
        }
    }
}
