package com.example.ztrade;

import io.ztrade.plugin.api.Action;
import io.ztrade.plugin.api.Parameter;
import io.ztrade.plugin.api.ProposedOrder;
import io.ztrade.plugin.api.RiskRule;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Verdict;
import java.util.List;

/** A risk rule: never buy above a price ({@code riskRules: maxPrice}, {@code maxPrice.limit: 300}). */
public class MaxPrice implements RiskRule {

    @Override
    public String name() {
        return "maxPrice";
    }

    @Override
    public String description() {
        return "refuses a BUY above limit dollars";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.decimal("limit", 1_000_000, 0.01, 1e12, "the highest price a BUY may pay, dollars"));
    }

    @Override
    public Verdict check(ProposedOrder order, Settings settings) {
        double limit = settings.decimal("limit");
        if (order.side() == Action.BUY && order.price() > limit) {
            return Verdict.reject("price " + order.price() + " is above " + limit);
        }
        return Verdict.approve();
    }
}
