package org.pharmamaturity.streams.sector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pharmamaturity.schemas.avro.GroupKind;

/** The groups an enterprise belongs to and their keys. */
class GroupKeyTest {

    @Test
    void aKnownSectorAndDistrictGiveFiveGroups() {
        assertThat(GroupKey.membership("C271", "浦东新区").stream().map(GroupKey::key)).containsExactly(
                "ALL", "C271", "C27", "district:浦东新区", "C271/district:浦东新区");
    }

    @Test
    void medicalDevicesRollUpToC35() {
        assertThat(GroupKey.membership("C358", null).stream().map(GroupKey::key)).containsExactly("ALL", "C358", "C35");
        assertThat(GroupKey.ofCode("C35").kind()).isEqualTo(GroupKind.DIVISION);
    }

    @Test
    void unknownSectorOrDistrictLeavesTheirGroupsOut() {
        assertThat(GroupKey.membership(null, "Pudong").stream().map(GroupKey::key)).containsExactly(
                "ALL", "district:Pudong");
        assertThat(GroupKey.membership(null, null).stream().map(GroupKey::key)).containsExactly("ALL");
        // a code that is not below a division (a test's own sector name) has no division
        assertThat(GroupKey.division("T-1234")).isEmpty();
        assertThat(GroupKey.division("C2710")).hasValue("C27");
    }

    @Test
    void everyKeyParsesBackToItsGroup() {
        for (GroupKey group : GroupKey.membership("C272", "Minhang")) {
            assertThat(GroupKey.parse(group.key())).isEqualTo(group);
        }
        GroupKey sectorInDistrict = GroupKey.parse("C272/district:Minhang");
        assertThat(sectorInDistrict.kind()).isEqualTo(GroupKind.SECTOR_DISTRICT);
        assertThat(sectorInDistrict.sector()).isEqualTo("C272");
        assertThat(sectorInDistrict.district()).isEqualTo("Minhang");
        assertThat(sectorInDistrict.kindLabel()).isEqualTo("sector_district");
        assertThat(GroupKey.parse("district:Minhang").sector()).isEqualTo("ALL");
    }
}
