package io.ztrade.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztrade.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsTest {

    final List<Alert> sent = new ArrayList<>();
    final TestClock clock = new TestClock(Instant.parse("2026-11-25T15:00:00Z"));
    final Alerts alerts = new Alerts(List.of(new AlertChannel() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void send(Alert alert) {
            sent.add(alert);
        }
    }), new AlertProperties(Duration.ofMinutes(15), null, null, null), new SimpleMeterRegistry(), clock, text -> text.replace("s3cret", "***"));

    @Test
    void anOutageSendsOneAlertPerQuietPeriodAndTheNextSaysHowManyWereHeldBack() {
        assertThat(alerts.raise("run-failed", "s", "first")).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(alerts.raise("run-failed", "s", "second")).isFalse();
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(alerts.raise("run-failed", "s", "third")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(alerts.raise("run-failed", "s", "fourth")).isTrue();

        assertThat(sent).extracting(Alert::text).containsExactly("first",
                "fourth\n(2 more alert(s) of this kind were held back in the quiet period of PT15M)");
        assertThat(alerts.count("run-failed", "held_back")).isEqualTo(2);
    }

    @Test
    void secretsAreMaskedBeforeAnyChannelSeesThem() {
        alerts.raise("run-failed", "s", "GET /query?apikey=s3cret failed");

        assertThat(sent.get(0).text()).isEqualTo("GET /query?apikey=*** failed");
    }

    @Test
    void kindsHaveTheirOwnQuietPeriods() {
        alerts.raise("run-failed", "s", "a");
        alerts.circuitBreakerOpened("alpaca-data", "5 failures in 10 calls");
        alerts.killSwitchFlipped(true);

        assertThat(sent).extracting(Alert::subject).containsExactly("s", "Ztrade: circuit breaker alpaca-data OPEN",
                "Ztrade: kill switch ON");
    }

    @Test
    void aChannelThatThrowsKeepsNoOtherChannelFromSending() {
        List<Alert> received = new ArrayList<>();
        Alerts twoChannels = new Alerts(List.of(new AlertChannel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(Alert alert) {
                throw new IllegalStateException("cannot reach https://example.invalid/s3cret");
            }
        }, new AlertChannel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(Alert alert) {
                received.add(alert);
            }
        }), new AlertProperties(Duration.ofMinutes(15), null, null, null), new SimpleMeterRegistry(), clock,
                text -> text.replace("s3cret", "***"));

        assertThat(twoChannels.raise("run-failed", "s", "first")).isTrue();

        assertThat(received).extracting(Alert::text).containsExactly("first");
        assertThat(twoChannels.count("run-failed", "sent")).isEqualTo(1);
    }

    @Test
    void theOutsideChannelsSendBeforeThePanelsDatabaseIsWritten() {
        List<String> order = new ArrayList<>();
        RecentAlerts panel = new RecentAlerts(null) {
            @Override
            public void send(Alert alert) {
                order.add(name());
            }
        };
        AlertChannel webhook = new AlertChannel() {
            @Override
            public String name() {
                return "webhook";
            }

            @Override
            public void send(Alert alert) {
                order.add(name());
            }
        };
        Alerts panelFirst = new Alerts(List.of(panel, webhook), new AlertProperties(Duration.ofMinutes(15), null, null,
                null), new SimpleMeterRegistry(), clock, text -> text);

        panelFirst.raise("run-failed", "s", "first");

        assertThat(order).containsExactly("webhook", "console");
    }
}
