package org.pharmamaturity.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void anOddCountTakesTheMiddleValue() {
        Spread spread = Spread.of(List.of(30.0, 10.0, 50.0, 20.0, 40.0));
        // sorted 10 20 30 40 50: median 30, min 10, max 50
        assertThat(spread).isEqualTo(new Spread(30.0, 10.0, 50.0, 5));
        assertThat(spread.render("%,.0f")).isEqualTo("30 (10, 50)");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
        // sorted 1 2 4 8: (2 + 4) / 2 = 3
        assertThat(Spread.of(List.of(8.0, 1.0, 4.0, 2.0)).median()).isEqualTo(3.0);
    }

    @Test
    void noValueIsRefused() {
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
