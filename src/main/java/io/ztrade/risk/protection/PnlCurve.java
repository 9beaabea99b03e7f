package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The P&L of one agent's fills, or of every agent's together (the desk), up to an instant: each agent's
 * {@link AverageCostBook}, and after every fill the total P&L with each agent marked at its latest fill price.
 * Every protection reads its P&L from here.
 */
public final class PnlCurve {

    /**
     * The P&L right after one fill.
     *
     * @param realized dollars this fill realized (zero for one that opened or grew a position)
     * @param closing  whether the fill shrank a position (a closing trade; its result is {@code realized})
     * @param pnl      total P&L after the fill, every agent marked at its latest fill price
     * @param book     the fill's agent's book after it
     */
    public record Step(Fill fill, BigDecimal realized, boolean closing, BigDecimal pnl, AverageCostBook book) {
    }

    private final List<Step> steps;
    private final Map<String, AverageCostBook> books;
    private final Map<String, BigDecimal> lastPrices;

    private PnlCurve(List<Step> steps, Map<String, AverageCostBook> books, Map<String, BigDecimal> lastPrices) {
        this.steps = steps;
        this.books = books;
        this.lastPrices = lastPrices;
    }

    /** The curve of the fills up to and including {@code until}, taken in time order. */
    public static PnlCurve of(List<Fill> fills, Instant until) {
        Builder builder = new Builder();
        fills.stream().filter(f -> !f.at().isAfter(until)).sorted(Comparator.comparing(Fill::at)).forEach(builder::add);
        return builder.upTo(until);
    }

    /**
     * A curve that grows fill by fill, in time order (a backtest's, whose fills arrive so): each fill costs one step, and
     * the curve up to an instant is a view of the steps so far, not a new walk over every fill.
     */
    public static final class Builder {

        private final List<Step> steps = new ArrayList<>();
        private final Map<String, AverageCostBook> books = new HashMap<>();
        private final Map<String, BigDecimal> prices = new HashMap<>();

        public synchronized void add(Fill f) {
            if (!steps.isEmpty() && f.at().isBefore(steps.get(steps.size() - 1).fill().at())) {
                throw new IllegalArgumentException("fills must come in time order: " + f.at() + " after "
                        + steps.get(steps.size() - 1).fill().at());
            }
            AverageCostBook before = books.getOrDefault(f.agentId(), AverageCostBook.FLAT);
            AverageCostBook after = before.after(f.side(), f.qty(), f.price());
            books.put(f.agentId(), after);
            prices.put(f.agentId(), f.price());
            steps.add(new Step(f, after.realized().subtract(before.realized()), before.reducedBy(f.side()),
                    total(books, prices::get), after));
        }

        /** The curve of the fills up to and including {@code until}. */
        public synchronized PnlCurve upTo(Instant until) {
            int n = steps.size();
            while (n > 0 && steps.get(n - 1).fill().at().isAfter(until)) {
                n--;
            }
            if (n == steps.size()) {
                return new PnlCurve(List.copyOf(steps), Map.copyOf(books), Map.copyOf(prices));
            }
            // each agent's book and price as of its last fill up to then
            Map<String, AverageCostBook> booksThen = new HashMap<>();
            Map<String, BigDecimal> pricesThen = new HashMap<>();
            for (int i = n - 1; i >= 0 && booksThen.size() < books.size(); i--) {
                Step step = steps.get(i);
                if (booksThen.putIfAbsent(step.fill().agentId(), step.book()) == null) {
                    pricesThen.put(step.fill().agentId(), step.fill().price());
                }
            }
            return new PnlCurve(List.copyOf(steps.subList(0, n)), booksThen, pricesThen);
        }
    }

    public List<Step> steps() {
        return steps;
    }

    public Optional<Step> last() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    public AverageCostBook book(String agentId) {
        return books.getOrDefault(agentId, AverageCostBook.FLAT);
    }

    /** Agents with an open position. */
    public List<String> openAgents() {
        return books.entrySet().stream().filter(e -> e.getValue().qty().signum() != 0).map(Map.Entry::getKey).sorted().toList();
    }

    /** Total P&L with each agent marked at {@code marks}' price, or at its latest fill price where it has none. */
    public BigDecimal pnl(Map<String, BigDecimal> marks) {
        return total(books, agent -> marks.getOrDefault(agent, lastPrices.get(agent)));
    }

    private static BigDecimal total(Map<String, AverageCostBook> books, Function<String, BigDecimal> mark) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, AverageCostBook> e : books.entrySet()) {
            AverageCostBook book = e.getValue();
            sum = sum.add(book.qty().signum() == 0 ? book.realized() : book.pnl(mark.apply(e.getKey())));
        }
        return sum;
    }
}
