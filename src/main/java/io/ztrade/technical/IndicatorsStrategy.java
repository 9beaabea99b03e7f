package io.ztrade.technical;

import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.plugin.api.Market;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Signal;
import io.ztrade.plugin.api.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ztrade's own strategy through the plugin API ({@code strategy: indicators}, the default): the RSI, MACD, SMA trend
 * and Bollinger votes of {@link TechnicalAnalyzer}, with the agent's indicator periods (its template parameters
 * rsiPeriod ... bollingerWidth, whose defaults are the template's). The technical step calls the analyzer directly
 * for this name, without the copies of the bars a call through the API costs; both give the same signal.
 */
@Component
public class IndicatorsStrategy implements Strategy {

    public static final String NAME = "indicators";

    private final TechnicalAnalyzer analyzer;

    public IndicatorsStrategy(TechnicalAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "built-in";
    }

    @Override
    public String description() {
        return "RSI, MACD, SMA trend and Bollinger band votes over the agent's bars (periods: the template's rsiPeriod ... bollingerWidth)";
    }

    @Override
    public Signal signal(Market market, Settings settings) {
        Indicators periods = new Indicators(settings.integer("rsiPeriod"), settings.integer("macdFast"),
                settings.integer("macdSlow"), settings.integer("macdSignal"), settings.integer("smaFast"),
                settings.integer("smaSlow"), settings.integer("bollingerPeriod"), settings.decimal("bollingerWidth"));
        List<Bar> bars = new ArrayList<>(market.bars().size());
        market.bars().forEach(b -> bars.add(new Bar(b.start(), b.open(), b.high(), b.low(), b.close(), b.volume())));
        TechnicalSignal s = analyzer.analyze(periods, new MarketSnapshot(market.symbol(), market.price(), market.price(),
                market.price(), market.at(), bars, "plugin-api"));
        return new Signal(s.signal(), s.confidence(), s.indicators(), s.reason());
    }
}
