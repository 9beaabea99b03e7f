package io.ztrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aBelowTargetIsMetUnderItsLimitOnly() {
        assertThat(Target.LAG_P99_MS.beside(999.9)).isEqualTo("< 1,000 (met)");
        assertThat(Target.LAG_P99_MS.beside(1_000)).isEqualTo("< 1,000 (missed)");
        assertThat(Target.LAG_P99_MS.beside(10_219)).isEqualTo("< 1,000 (missed)");
    }

    @Test
    void anAtLeastTargetIsMetFromItsLimitOn() {
        assertThat(Target.REPLAY_RUNS_PER_S.beside(40_000)).isEqualTo("≥ 40,000 (met)");
        assertThat(Target.REPLAY_RUNS_PER_S.beside(511)).isEqualTo("≥ 40,000 (missed)");
        assertThat(Target.ROUTE_OVER_PLAIN.beside(2.3)).isEqualTo("< 3 (met)");
        assertThat(Target.below(0.5).toString()).isEqualTo("< 0.5");
    }
}
