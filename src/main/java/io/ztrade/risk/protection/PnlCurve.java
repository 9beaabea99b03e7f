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
     */
    public record Step(Fill fill, BigDecimal realized, boolean closing, BigDecimal pnl) {
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
        List<Fill> ordered = fills.stream().filter(f -> !f.at().isAfter(until))
                .sorted(Comparator.comparing(Fill::at)).toList();
        Map<String, AverageCostBook> books = new HashMap<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        List<Step> steps = new ArrayList<>(ordered.size());
        for (Fill f : ordered) {
            AverageCostBook before = books.getOrDefault(f.agentId(), AverageCostBook.FLAT);
            AverageCostBook after = before.after(f.side(), f.qty(), f.price());
            books.put(f.agentId(), after);
            prices.put(f.agentId(), f.price());
            BigDecimal realized = after.realized().subtract(before.realized());
            steps.add(new Step(f, realized, before.reducedBy(f.side()), total(books, prices::get)));
        }
        return new PnlCurve(List.copyOf(steps), books, prices);
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
