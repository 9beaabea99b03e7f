package io.ztrade.agent;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ztrade.market.AlpacaMarketData;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.provider.ProviderUnavailableException;
import io.ztrade.sentiment.CombinedSentimentAnalyzer;
import io.ztrade.sentiment.SentimentAnalyzer;
import io.ztrade.sentiment.SentimentProperties;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.sentiment.SentimentSource;
import io.ztrade.technical.Ta4jTechnicalAnalyzer;
import io.ztrade.technical.TechnicalAnalyzer;
import io.ztrade.technical.TechnicalSignal;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real stages, wrapped so a test can see and steer them: count market data calls and their concurrency, make
 * the provider fail or be slow, and make the two analyses wait for each other (they only get past a two-party
 * barrier if they really run at the same time).
 */
@TestConfiguration
public class InstrumentedStages {

    public enum Mode { NORMAL, FAIL, SLOW }

    public static volatile Mode mode = Mode.NORMAL;
    public static volatile boolean analysesMustMeet;
    public static final AtomicInteger marketDataCalls = new AtomicInteger();
    public static final AtomicInteger running = new AtomicInteger();
    public static final AtomicInteger maxRunning = new AtomicInteger();
    static volatile CyclicBarrier barrier = new CyclicBarrier(2);
    /** The threads the analyses ran on since the last reset. */
    public static final java.util.Set<String> analysisThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static void reset() {
        mode = Mode.NORMAL;
        analysesMustMeet = false;
        marketDataCalls.set(0);
        running.set(0);
        maxRunning.set(0);
        barrier = new CyclicBarrier(2);
        analysisThreads.clear();
    }

    @Bean
    @Primary
    MarketDataProvider instrumentedMarketData(AlpacaMarketData real) {
        return (agent, barTimeframe, barCount) -> {
            marketDataCalls.incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (mode == Mode.FAIL) {
                    throw new ProviderUnavailableException("market data simulated outage for " + agent.symbol());
                }
                if (mode == Mode.SLOW) {
                    pause(300);
                }
                MarketSnapshot snapshot = real.snapshot(agent, barTimeframe, barCount);
                return snapshot;
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @Bean
    @Primary
    SentimentAnalyzer meetingSentiment(List<SentimentSource> sources, SentimentProperties properties,
                                       CircuitBreakerRegistry breakers) {
        CombinedSentimentAnalyzer real = new CombinedSentimentAnalyzer(sources, properties, breakers);
        return agent -> {
            meet();
            SentimentReading reading = real.analyze(agent);
            return reading;
        };
    }

    @Bean
    @Primary
    TechnicalAnalyzer meetingTechnical() {
        Ta4jTechnicalAnalyzer real = new Ta4jTechnicalAnalyzer();
        return (indicators, market) -> {
            meet();
            TechnicalSignal signal = real.analyze(indicators, market);
            return signal;
        };
    }

    private static void meet() {
        analysisThreads.add(Thread.currentThread().getName());
        if (analysesMustMeet) {
            try {
                barrier.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other analysis never ran alongside this one", e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
