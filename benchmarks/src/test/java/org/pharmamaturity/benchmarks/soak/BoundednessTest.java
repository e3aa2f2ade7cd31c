package org.pharmamaturity.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoundednessTest {

    @Test
    void aFlatFigureIsBounded() {
        // 7 samples, thirds of 2: first {300, 310} median 305, last {305, 312} median 308.5; 308.5 <= 305 * 1.2 = 366
        Boundedness judged = Boundedness.of(List.of(300.0, 310.0, 290.0, 400.0, 300.0, 305.0, 312.0), 0.20, 0);
        assertThat(judged).isEqualTo(new Boundedness(305.0, 308.5, true));
        assertThat(judged.render("%.1f")).isEqualTo("305.0 -> 308.5 (+1.1 %)");
    }

    @Test
    void aSteadilyGrowingFigureIsNot() {
        // thirds of 3: first {100, 110, 120} median 110, last {160, 170, 180} median 170; 170 > 110 * 1.2 = 132
        Boundedness judged = Boundedness.of(List.of(100.0, 110.0, 120.0, 130.0, 140.0, 150.0, 160.0, 170.0, 180.0),
                0.20, 0);
        assertThat(judged).isEqualTo(new Boundedness(110.0, 170.0, false));
        assertThat(judged.render("%.0f")).isEqualTo("110 -> 170 (+54.5 %)");
    }

    @Test
    void exactlyTheToleranceStillPasses() {
        // first {100} last {120}: 120 <= 100 * 1.2
        assertThat(Boundedness.of(List.of(100.0, 500.0, 120.0), 0.20, 0).bounded()).isTrue();
        assertThat(Boundedness.of(List.of(100.0, 500.0, 121.0), 0.20, 0).bounded()).isFalse();
    }

    @Test
    void growthBelowTheFloorIsNoise() {
        // lag 20 -> 300 is +1,400 %, but both are under the floor of 1,000 (a second of input): 1,000 <= 1,000 * 1.2
        Boundedness judged = Boundedness.of(List.of(20.0, 50.0, 300.0), 0.20, 1_000);
        assertThat(judged.bounded()).isTrue();
        // 1,300 above the floor: 1,300 > 1,000 * 1.2 = 1,200
        assertThat(Boundedness.of(List.of(20.0, 50.0, 1_300.0), 0.20, 1_000).bounded()).isFalse();
    }

    @Test
    void growthFromZeroIsRenderedWithoutDividingByIt() {
        assertThat(Boundedness.of(List.of(0.0, 0.0, 5.0), 0.20, 0).render("%.0f")).isEqualTo("0 -> 5 (from 0)");
    }

    @Test
    void fewerThanThreeSamplesAreRefused() {
        assertThatThrownBy(() -> Boundedness.of(List.of(1.0, 2.0), 0.20, 0)).hasMessageContaining("at least 3");
    }
}
