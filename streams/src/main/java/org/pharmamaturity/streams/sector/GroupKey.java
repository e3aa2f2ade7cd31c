package org.pharmamaturity.streams.sector;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.pharmamaturity.schemas.avro.GroupKind;
import org.pharmamaturity.streams.state.StoreNames;

/**
 * One group of enterprises the statistics are kept for, and its key on maturity.sector and in the stores:
 * <ul>
 * <li>SECTOR: the GB/T 4754 code, {@code C271};</li>
 * <li>DIVISION: the code's category letter and two-digit division, {@code C27} (all pharmaceutical
 * manufacturing), {@code C35} (C358 medical devices rolled up);</li>
 * <li>DISTRICT: {@code district:<district>}, every sector of the district;</li>
 * <li>SECTOR_DISTRICT: {@code <sector>/district:<district>}, e.g. {@code C271/district:Pudong};</li>
 * <li>ALL: {@code ALL}, as before.</li>
 * </ul>
 * No key contains {@code @}, which separates a group from an enterprise in the member and history keys, so a prefix
 * scan of {@code C27@} never meets the members of {@code C271} or of {@code C27/district:...}.
 *
 * @param kind what the group is
 * @param sector the sector or division code; {@link StoreNames#ALL_SECTORS} for ALL and DISTRICT groups
 * @param district the district of DISTRICT and SECTOR_DISTRICT groups, else null
 */
public record GroupKey(GroupKind kind, String sector, String district) {

    /** The prefix of a district's key. */
    public static final String DISTRICT_PREFIX = "district:";
    /** Between the sector and the district of a SECTOR_DISTRICT key. */
    private static final String SECTOR_DISTRICT_SEPARATOR = "/";
    /** A GB/T 4754 code below a division: category letter, two-digit division, then at least one more digit. */
    private static final Pattern BELOW_DIVISION = Pattern.compile("[A-Z][0-9]{2}[0-9]+");
    private static final Pattern DIVISION = Pattern.compile("[A-Z][0-9]{2}");

    public GroupKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sector, "sector");
    }

    /** Every enterprise. */
    public static GroupKey all() {
        return new GroupKey(GroupKind.ALL, StoreNames.ALL_SECTORS, null);
    }

    /** The group of a code: {@code ALL}, a division ({@code C27}) or any other code, a sector ({@code C271}). */
    public static GroupKey ofCode(String code) {
        if (code.equals(StoreNames.ALL_SECTORS)) {
            return all();
        }
        return new GroupKey(DIVISION.matcher(code).matches() ? GroupKind.DIVISION : GroupKind.SECTOR, code, null);
    }

    /** Every sector of one district. */
    public static GroupKey district(String district) {
        return new GroupKey(GroupKind.DISTRICT, StoreNames.ALL_SECTORS, district);
    }

    /** One sector within one district. */
    public static GroupKey sectorInDistrict(String sector, String district) {
        return new GroupKey(GroupKind.SECTOR_DISTRICT, sector, district);
    }

    /** The group of a {@link #key()}. */
    public static GroupKey parse(String key) {
        if (key.startsWith(DISTRICT_PREFIX)) {
            return district(key.substring(DISTRICT_PREFIX.length()));
        }
        int separator = key.indexOf(SECTOR_DISTRICT_SEPARATOR + DISTRICT_PREFIX);
        if (separator > 0) {
            return sectorInDistrict(key.substring(0, separator),
                    key.substring(separator + SECTOR_DISTRICT_SEPARATOR.length() + DISTRICT_PREFIX.length()));
        }
        return ofCode(key);
    }

    /**
     * The groups an enterprise of {@code sector} and {@code district} (each null when unknown) belongs to: ALL
     * always; its sector and the sector's division when the sector is known; its district when known; the
     * sector within the district when both are.
     */
    public static Set<GroupKey> membership(String sector, String district) {
        Set<GroupKey> groups = new LinkedHashSet<>();
        groups.add(all());
        if (sector != null) {
            groups.add(ofCode(sector));
            division(sector).ifPresent(division -> groups.add(ofCode(division)));
        }
        if (district != null) {
            groups.add(district(district));
            if (sector != null) {
                groups.add(sectorInDistrict(sector, district));
            }
        }
        return groups;
    }

    /** The division ({@code C27}) of a code below it ({@code C271}, {@code C2710}); empty for any other code. */
    public static Optional<String> division(String sector) {
        return BELOW_DIVISION.matcher(sector).matches() ? Optional.of(sector.substring(0, 3)) : Optional.empty();
    }

    /** The key of the group on maturity.sector and in the stores. */
    public String key() {
        return switch (kind) {
            case SECTOR, DIVISION, ALL -> sector;
            case DISTRICT -> DISTRICT_PREFIX + district;
            case SECTOR_DISTRICT -> sector + SECTOR_DISTRICT_SEPARATOR + DISTRICT_PREFIX + district;
        };
    }

    /** The metrics' {@code kind} label: the kind in lower case ({@code sector_district}). */
    public String kindLabel() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
