package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.backtest.optimize.WalkForwardWindows.Window;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walk-forward windows: train then test, tests tiling the range without overlap, the last one partial. */
class WalkForwardWindowsTest {

    @Test
    void sixMonthsTrainOneMonthTestOverAYearGivesSixWindowsTheLastOnePartial() {
        List<Window> w = WalkForwardWindows.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-20"),
                WalkForwardWindows.parse("train=6M,test=1M"));

        assertThat(w).hasSize(6);
        assertThat(w.get(0)).isEqualTo(new Window(1, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-30"),
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31")));
        assertThat(w.get(1)).isEqualTo(new Window(2, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-07-31"),
                LocalDate.parse("2025-08-01"), LocalDate.parse("2025-08-31")));
        assertThat(w.get(5)).as("partial: ends on the range's last day").isEqualTo(new Window(6, LocalDate.parse("2025-06-01"),
                LocalDate.parse("2025-11-30"), LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-20")));
        for (int i = 0; i < w.size(); i++) {
            Window x = w.get(i);
            assertThat(x.trainTo()).as("train ends the day before its test").isEqualTo(x.testFrom().minusDays(1));
            if (i > 0) {
                assertThat(x.testFrom()).as("tests tile the range").isEqualTo(w.get(i - 1).testTo().plusDays(1));
            }
        }
    }

    @Test
    void monthEndsNeitherOverlapNorLeaveAGap() {
        List<Window> w = WalkForwardWindows.of(LocalDate.parse("2024-08-31"), LocalDate.parse("2025-06-30"),
                WalkForwardWindows.parse("train=2M,test=1M"));

        assertThat(w.get(0).testFrom()).isEqualTo(LocalDate.parse("2024-10-31"));
        assertThat(w.get(0).testTo()).isEqualTo(LocalDate.parse("2024-11-29"));
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i).testFrom()).isEqualTo(w.get(i - 1).testTo().plusDays(1));
            assertThat(w.get(i).trainFrom()).isBefore(w.get(i).trainTo());
        }
        assertThat(w.get(w.size() - 1).testTo()).isEqualTo(LocalDate.parse("2025-06-30"));
    }

    @Test
    void lengthsAreParsedAndMistakesNamed() {
        assertThat(WalkForwardWindows.parse("test=2W, train=90D")).isEqualTo(new WalkForwardWindows.Lengths(Period.ofDays(90), Period.ofWeeks(2)));
        assertThat(WalkForwardWindows.parse("train=1Y,test=3m").test()).isEqualTo(Period.ofMonths(3));
        assertThatThrownBy(() -> WalkForwardWindows.parse("train=6M")).hasMessageContaining("needs both train and test");
        assertThatThrownBy(() -> WalkForwardWindows.parse("train=6X,test=1M")).hasMessageContaining("train '6X' is not a length like 6M");
        assertThatThrownBy(() -> WalkForwardWindows.parse("train=6M,tests=1M")).hasMessageContaining("not 'tests'");
        assertThatThrownBy(() -> WalkForwardWindows.parse("train=1D,test=1D,train=2D")).as("not the last one silently")
                .hasMessage("walk-forward names train twice");
        assertThatThrownBy(() -> WalkForwardWindows.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-30"),
                WalkForwardWindows.parse("train=6M,test=1M"))).hasMessageContaining("leaves no test day");
    }
}
