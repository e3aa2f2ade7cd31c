package org.pharmamaturity.producers.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.pharmamaturity.schemas.avro.EquipmentClass;

/**
 * Draws a deterministic population of pharma enterprises from a seed: the first nine cover every sector once,
 * the rest follow the sectors' weights; true levels follow a pyramid (most at 2-3), and about a third
 * misdeclare (mostly upwards).
 */
public final class PopulationGenerator {

    private static final String[] DISTRICTS = {"浦东新区", "闵行区", "奉贤区", "金山区", "松江区", "嘉定区", "宝山区", "青浦区"};
    private static final String[] NAME_STEMS = {"华康", "瑞济", "恒安", "康联", "远达", "东曜", "中瑞", "申和", "联健", "普泽"};
    /** Share of enterprises at true levels 1 to 5. */
    private static final double[] LEVEL_SHARES = {0.15, 0.35, 0.30, 0.15, 0.05};
    private static final int MIN_EQUIPMENT_PER_SITE = 4;
    private static final int MAX_EQUIPMENT_PER_SITE = 9;

    private final Random random;

    /** A generator whose every draw follows from {@code seed}. */
    public PopulationGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} enterprises with ids {@code SIM-E001}, {@code SIM-E002}, ..., each with 1 to 3 sites. */
    public List<SimulatedEnterprise> population(int count) {
        return population(count, 0);
    }

    /**
     * {@code count} enterprises with {@code sitesPerEnterprise} sites each (4 to 9 machines per site, so 8 sites
     * give about 50 machines, the benchmark's realistic plant), or 1 to 3 drawn sites when it is 0.
     */
    public List<SimulatedEnterprise> population(int count, int sitesPerEnterprise) {
        if (sitesPerEnterprise < 0) {
            throw new IllegalArgumentException("sites per enterprise must be 0 (drawn) or more, not " + sitesPerEnterprise);
        }
        List<SimulatedEnterprise> enterprises = new ArrayList<>(count);
        Sector[] sectors = Sector.values();
        for (int i = 1; i <= count; i++) {
            Sector sector = i <= sectors.length ? sectors[i - 1] : weightedSector();
            int sites = sitesPerEnterprise > 0 ? sitesPerEnterprise : 1 + random.nextInt(3);
            enterprises.add(enterprise(i, sector, drawProfile(), sites));
        }
        return enterprises;
    }

    /** The id of the {@code index}-th simulated enterprise (from 1): {@code SIM-E001}, ... */
    public static String enterpriseId(int index) {
        return String.format(Locale.ROOT, "SIM-E%03d", index);
    }

    /** One enterprise of the given sector and profile with {@code sites} sites (tests pick the profile). */
    public SimulatedEnterprise enterprise(int index, Sector sector, MaturityProfile profile, int sites) {
        String enterpriseId = enterpriseId(index);
        List<String> siteIds = new ArrayList<>();
        List<EquipmentDraft> drafts = new ArrayList<>();
        for (int s = 1; s <= sites; s++) {
            String siteId = enterpriseId + "-S" + s;
            siteIds.add(siteId);
            int machines = MIN_EQUIPMENT_PER_SITE + random.nextInt(MAX_EQUIPMENT_PER_SITE - MIN_EQUIPMENT_PER_SITE + 1);
            for (int m = 1; m <= machines; m++) {
                EquipmentClass equipmentClass = sector.equipmentMix().get(random.nextInt(sector.equipmentMix().size()));
                drafts.add(new EquipmentDraft(String.format(Locale.ROOT, "%s-EQ%02d", siteId, m), siteId,
                        siteId + "-L" + (1 + (m - 1) / 4), equipmentClass));
            }
        }
        List<SimulatedEquipment> equipment = withNetworkingQuota(drafts, profile);
        String name = "上海" + NAME_STEMS[random.nextInt(NAME_STEMS.length)] + sector.nameSuffix() + "有限公司";
        String uscc = String.format(Locale.ROOT, "91310%03d%010d", 100 + random.nextInt(900),
                Math.floorMod(random.nextLong(), 10_000_000_000L));
        return new SimulatedEnterprise(enterpriseId, name, uscc, sector, DISTRICTS[random.nextInt(DISTRICTS.length)],
                siteIds, profile, equipment);
    }

    /** Exactly round(share x count) machines are networked, chosen at random, so the rate is the profile's. */
    private List<SimulatedEquipment> withNetworkingQuota(List<EquipmentDraft> drafts, MaturityProfile profile) {
        int networkedCount = (int) Math.round(profile.networkedShare() * drafts.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        boolean[] networked = new boolean[drafts.size()];
        order.subList(0, networkedCount).forEach(i -> networked[i] = true);
        List<SimulatedEquipment> equipment = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            EquipmentDraft draft = drafts.get(i);
            // Networked machines have digital control and an interface; others may have a PLC without one.
            boolean digitalControl = networked[i] || random.nextDouble() < profile.networkedShare();
            equipment.add(new SimulatedEquipment(draft.equipmentId(), draft.siteId(), draft.lineId(),
                    draft.equipmentClass(), draft.keyProcess(), digitalControl, networked[i], networked[i],
                    idealCycleTimeMs(draft.equipmentClass())));
        }
        return equipment;
    }

    private static double idealCycleTimeMs(EquipmentClass equipmentClass) {
        return switch (equipmentClass) {
            case TABLET_PRESS -> 36.0;   // 100 000 tablets per hour
            case FILLER -> 150.0;        // 400 vials per minute
            case PACKAGING -> 200.0;     // 300 blisters or cartons per minute
            default -> 0.0;
        };
    }

    private Sector weightedSector() {
        int total = 0;
        for (Sector sector : Sector.values()) {
            total += sector.populationWeight();
        }
        int draw = random.nextInt(total);
        for (Sector sector : Sector.values()) {
            draw -= sector.populationWeight();
            if (draw < 0) {
                return sector;
            }
        }
        throw new IllegalStateException("the draw is below the total weight");
    }

    private MaturityProfile drawProfile() {
        double draw = random.nextDouble();
        int level = 1;
        for (double share : LEVEL_SHARES) {
            draw -= share;
            if (draw < 0) {
                break;
            }
            level++;
        }
        level = Math.min(level, 5);
        double bias = random.nextDouble();
        int declared = bias < 0.65 ? level : bias < 0.85 ? level + 1 : bias < 0.95 ? level + 2 : level - 1;
        return new MaturityProfile(level, Math.max(1, Math.min(5, declared)));
    }

    private record EquipmentDraft(String equipmentId, String siteId, String lineId, EquipmentClass equipmentClass) {
        boolean keyProcess() {
            return equipmentClass != EquipmentClass.HVAC && equipmentClass != EquipmentClass.LAB_INSTRUMENT
                    && equipmentClass != EquipmentClass.UTILITY;
        }
    }
}
