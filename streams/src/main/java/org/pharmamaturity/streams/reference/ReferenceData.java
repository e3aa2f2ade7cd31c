package org.pharmamaturity.streams.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pharmamaturity.schemas.avro.Enterprise;
import org.pharmamaturity.schemas.avro.Equipment;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * Read access to the reference data (global stores of ref.enterprise and ref.equipment) for any processor.
 * The equipment store holds each equipment under its id and, for the networking rate's denominator, again under
 * an index key {@code NUL enterpriseId NUL equipmentId}; ids never start with NUL, so the two cannot collide.
 */
public final class ReferenceData {

    private static final char INDEX_MARK = '\u0000';
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final KeyValueStore<String, Enterprise> enterprises;
    private final KeyValueStore<String, Equipment> equipment;

    private ReferenceData(KeyValueStore<String, Enterprise> enterprises, KeyValueStore<String, Equipment> equipment) {
        this.enterprises = enterprises;
        this.equipment = equipment;
    }

    /** The reference data as seen from a processor of the topology. */
    public static ReferenceData from(ProcessingContext context) {
        return new ReferenceData(context.getStateStore(StoreNames.REF_ENTERPRISE),
                context.getStateStore(StoreNames.REF_EQUIPMENT));
    }

    /** The enterprise, if registered. */
    public Optional<Enterprise> enterprise(String enterpriseId) {
        return Optional.ofNullable(enterprises.get(enterpriseId));
    }

    /** The equipment, if registered. */
    public Optional<Equipment> equipment(String equipmentId) {
        return Optional.ofNullable(equipment.get(equipmentId));
    }

    /** The equipment registered for the enterprise, sorted by id. */
    public List<Equipment> registeredEquipment(String enterpriseId) {
        List<Equipment> registered = new ArrayList<>();
        try (KeyValueIterator<String, Equipment> index = equipment.prefixScan(indexPrefix(enterpriseId), PREFIX_SERIALIZER)) {
            while (index.hasNext()) {
                KeyValue<String, Equipment> entry = index.next();
                registered.add(entry.value);
            }
        }
        return registered;
    }

    /** The index key of an equipment under its enterprise. */
    static String indexKey(String enterpriseId, String equipmentId) {
        return indexPrefix(enterpriseId) + equipmentId;
    }

    private static String indexPrefix(String enterpriseId) {
        return INDEX_MARK + enterpriseId + INDEX_MARK;
    }
}
