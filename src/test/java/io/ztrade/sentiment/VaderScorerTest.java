package io.ztrade.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compound scores from VADER's own README examples, and what its rules give for market slang. */
class VaderScorerTest {

    private static final VaderScorer VADER = new VaderScorer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VADER is smart, handsome, and funny.      | 0.8316",
            "VADER is smart, handsome, and funny!      | 0.8439",
            "VADER is very smart, handsome, and funny. | 0.8545",
            "The book was good.                        | 0.4404",
            "The book was kind of good.                | 0.3832",
            "The book was not good.                    | -0.3412",
            "A really bad, horrible book.              | -0.8211",
            "Today SUX!                                | -0.5461",
            "The plot was good, but the characters are uncompelling and the dialog is not great. | -0.7042",
            "Nothing to see here                       | 0.0"})
    void matchesVadersPublishedScores(String text, double expected) {
        assertThat(VADER.compound(text)).isCloseTo(expected, within(0.0015));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TSLA looking bullish, calls printing     | 1",
            "This stock is going to crash, so bearish | -1",
            "not bullish at all on TSLA               | -1"})
    void scoresMarketSlang(String text, int sign) {
        assertThat(Math.signum(VADER.compound(text))).isEqualTo(sign);
    }
}
