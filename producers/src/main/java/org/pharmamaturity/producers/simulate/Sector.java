package org.pharmamaturity.producers.simulate;

import static org.pharmamaturity.schemas.avro.EquipmentClass.BIOREACTOR;
import static org.pharmamaturity.schemas.avro.EquipmentClass.COLD_ROOM;
import static org.pharmamaturity.schemas.avro.EquipmentClass.FILLER;
import static org.pharmamaturity.schemas.avro.EquipmentClass.HVAC;
import static org.pharmamaturity.schemas.avro.EquipmentClass.LAB_INSTRUMENT;
import static org.pharmamaturity.schemas.avro.EquipmentClass.LYOPHILISER;
import static org.pharmamaturity.schemas.avro.EquipmentClass.PACKAGING;
import static org.pharmamaturity.schemas.avro.EquipmentClass.REACTOR;
import static org.pharmamaturity.schemas.avro.EquipmentClass.TABLET_PRESS;
import static org.pharmamaturity.schemas.avro.EquipmentClass.UTILITY;

import java.util.List;

import org.pharmamaturity.schemas.avro.EquipmentClass;
import org.pharmamaturity.schemas.avro.ManufacturingType;

/**
 * The GB/T 4754-2017 pharma sub-sectors (reference/domain.md 6.4) with what a plant of each typically runs:
 * manufacturing type, the equipment classes a site draws from, the share of shipments that travel at 2-8 C,
 * the name suffix, and the weight of the sector in a simulated population.
 */
public enum Sector {
    C271("原料药", ManufacturingType.PROCESS, List.of(REACTOR, REACTOR, REACTOR, UTILITY, HVAC, PACKAGING, LAB_INSTRUMENT), 0.0, 15),
    C272("制药", ManufacturingType.PROCESS,
            List.of(TABLET_PRESS, TABLET_PRESS, FILLER, PACKAGING, PACKAGING, HVAC, COLD_ROOM, LAB_INSTRUMENT), 0.3, 25),
    C273("中药饮片", ManufacturingType.PROCESS, List.of(REACTOR, UTILITY, PACKAGING, PACKAGING, HVAC), 0.0, 8),
    C274("中药", ManufacturingType.PROCESS, List.of(REACTOR, REACTOR, TABLET_PRESS, PACKAGING, HVAC, UTILITY), 0.0, 12),
    C275("动物药业", ManufacturingType.PROCESS, List.of(REACTOR, FILLER, PACKAGING, COLD_ROOM, HVAC), 0.3, 4),
    C276("生物制品", ManufacturingType.PROCESS,
            List.of(BIOREACTOR, BIOREACTOR, FILLER, LYOPHILISER, PACKAGING, COLD_ROOM, HVAC, LAB_INSTRUMENT), 1.0, 15),
    C277("医用材料", ManufacturingType.DISCRETE, List.of(PACKAGING, PACKAGING, FILLER, UTILITY, HVAC), 0.0, 7),
    C278("药用辅料", ManufacturingType.PROCESS, List.of(REACTOR, REACTOR, PACKAGING, UTILITY, HVAC), 0.0, 6),
    C358("医疗器械", ManufacturingType.DISCRETE, List.of(PACKAGING, PACKAGING, FILLER, LAB_INSTRUMENT, HVAC), 0.0, 8);

    private final String nameSuffix;
    private final ManufacturingType manufacturingType;
    private final List<EquipmentClass> equipmentMix;
    private final double coldChainShipmentShare;
    private final int populationWeight;

    Sector(String nameSuffix, ManufacturingType manufacturingType, List<EquipmentClass> equipmentMix,
           double coldChainShipmentShare, int populationWeight) {
        this.nameSuffix = nameSuffix;
        this.manufacturingType = manufacturingType;
        this.equipmentMix = equipmentMix;
        this.coldChainShipmentShare = coldChainShipmentShare;
        this.populationWeight = populationWeight;
    }

    /** The GB/T 4754 code, e.g. {@code C276}. */
    public String code() {
        return name();
    }

    /** What completes an enterprise's name, e.g. {@code 生物制品}. */
    public String nameSuffix() {
        return nameSuffix;
    }

    /** Process or discrete manufacturing. */
    public ManufacturingType manufacturingType() {
        return manufacturingType;
    }

    /** The equipment classes a site draws from; a class listed twice is twice as likely. */
    public List<EquipmentClass> equipmentMix() {
        return equipmentMix;
    }

    /** Share of shipments that carry 2-8 C products and a cold-chain logger. */
    public double coldChainShipmentShare() {
        return coldChainShipmentShare;
    }

    /** Relative number of enterprises of this sector in a simulated population. */
    public int populationWeight() {
        return populationWeight;
    }
}
