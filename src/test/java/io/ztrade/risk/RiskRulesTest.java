package io.ztrade.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.broker.Account;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each risk rule just under, at and just over its limit. */
class RiskRulesTest {

    static AgentSettings agent(String assetClass, boolean allowShort) {
        // the limits these tests sit just under, at and just over
        Map<String, Object> p = io.ztrade.agent.TestAgents.defaults("TSLA", assetClass);
        p.putAll(Map.of("agentId", "agent_test", "orderNotional", "1000", "maxPositionValue", "10000",
                "maxOrderNotional", "5000", "maxOrdersPerDay", "20", "allowShort", String.valueOf(allowShort)));
        return AgentSettings.fromParameters(p);
    }

    static final Account RICH = new Account(bd("100000"), bd("100000"), bd("100000"), false, false);

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    static RiskCheck buy(String orderValue, String positionValue, Account account, int ordersToday) {
        Optional<Position> position = new BigDecimal(positionValue).signum() == 0 ? Optional.empty()
                : Optional.of(new Position("TSLA", bd("10"), bd(positionValue), bd("100")));
        return new RiskCheck(RiskStep.limits(agent("us_equity", false)), OrderSide.BUY, null, bd(orderValue), bd(orderValue), 100, account,
                position, ordersToday);
    }

    static RiskCheck sell(String qty, String held, boolean allowShort, String assetClass) {
        Optional<Position> position = new BigDecimal(held).signum() == 0 ? Optional.empty()
                : Optional.of(new Position("TSLA", bd(held), bd(held).multiply(bd("100")), bd("100")));
        return new RiskCheck(RiskStep.limits(agent(assetClass, allowShort)), OrderSide.SELL, bd(qty), null, bd(qty).multiply(bd("100")), 100,
                RICH, position, 0);
    }

    @ParameterizedTest(name = "order value {0} against maxOrderNotional 5000 -> passes {1}")
    @CsvSource({"4999.99, true", "5000, true", "5000.01, false"})
    void maxOrderValue(String value, boolean passes) {
        Optional<String> violation = new MaxOrderValueRule().violation(buy(value, "0", RICH, 0));
        assertThat(violation.isEmpty()).isEqualTo(passes);
        violation.ifPresent(v -> assertThat(v).isEqualTo("agent agent_test: order value " + value
                + " exceeds maxOrderNotional=5000; lower orderNotional or raise maxOrderNotional"));
    }

    @ParameterizedTest(name = "position {0} + buy 1000 against maxPositionValue 10000 -> passes {1}")
    @CsvSource({"8999.99, true", "9000, true", "9000.01, false"})
    void maxPositionValue(String positionValue, boolean passes) {
        assertThat(new MaxPositionValueRule().violation(buy("1000", positionValue, RICH, 0)).isEmpty()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "{0} orders today against maxOrdersPerDay 20 -> passes {1}")
    @CsvSource({"19, true", "20, false", "21, false"})
    void maxOrdersPerDay(int ordersToday, boolean passes) {
        assertThat(new MaxOrdersPerDayRule().violation(buy("1000", "0", RICH, ordersToday)).isEmpty()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "buy 1000 with buying power {0} -> passes {1}")
    @CsvSource({"1000.01, true", "1000, true", "999.99, false"})
    void buyingPower(String buyingPower, boolean passes) {
        Account account = new Account(bd(buyingPower), bd(buyingPower), bd(buyingPower), false, false);
        assertThat(new BuyingPowerRule().violation(buy("1000", "0", account, 0)).isEmpty()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "sell {0} holding {1}, allowShort {2}, {3} -> passes {4}")
    @CsvSource({
            "5,  10, false, us_equity, true",
            "10, 10, false, us_equity, true",
            "10.000001, 10, false, us_equity, false",
            "1,  0,  false, us_equity, false",
            "1,  0,  true,  us_equity, true",
            "1,  0,  true,  crypto,    false",
    })
    void noShortSelling(String qty, String held, boolean allowShort, String assetClass, boolean passes) {
        assertThat(new NoShortSellingRule().violation(sell(qty, held, allowShort, assetClass)).isEmpty()).isEqualTo(passes);
    }

    @Test
    void aBlockedAccountTakesNoOrders() {
        Account blocked = new Account(bd("1"), bd("1"), bd("100000"), true, false);
        assertThat(new AccountStatusRule().violation(buy("1000", "0", blocked, 0))).isPresent();
        assertThat(new AccountStatusRule().violation(buy("1000", "0", RICH, 0))).isEmpty();
    }
}
