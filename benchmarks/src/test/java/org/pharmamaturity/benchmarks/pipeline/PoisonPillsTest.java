package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PoisonPillsTest {

    @Test
    void everyTenthRecordIsGarbage() {
        PoisonPills tenPercent = new PoisonPills(10);
        // indexes from 0: the 10th record is index 9, the 20th index 19
        assertThat(IntStream.range(0, 25).filter(tenPercent::replaces).boxed().toList()).containsExactly(9, 19);
        // 25 / 10 = 2 whole periods
        assertThat(tenPercent.count(25)).isEqualTo(2);
        assertThat(tenPercent.count(1_000)).isEqualTo(100);
        assertThat(tenPercent.labelSuffix()).isEqualTo(" + poison 1/10");
    }

    @Test
    void noneReplacesNothing() {
        assertThat(IntStream.range(0, 100).noneMatch(PoisonPills.NONE::replaces)).isTrue();
        assertThat(PoisonPills.NONE.count(1_000)).isZero();
        assertThat(PoisonPills.NONE.labelSuffix()).isEmpty();
    }

    @Test
    void theGarbageDoesNotStartWithTheWireFormatsMagicByte() {
        assertThat(PoisonPills.garbage(9)[0]).isNotEqualTo((byte) 0);
    }

    @Test
    void aNegativePeriodIsRefused() {
        assertThatThrownBy(() -> new PoisonPills(-1)).hasMessageContaining("--poison-every");
    }
}
