package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * camel-spring-boot's start-up listener wants one event (CamelContextStarted), and once the context has started it
 * must no longer be handed an event object for every exchange made, sent and done ({@link StartupListenerEvents}).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupListenerEventsTest extends PipelineTestSupport {

    @Autowired
    CamelContext camel;

    @Test
    void theStartUpListenerIgnoresExchangeAndStepEventsOnceTheContextHasStarted() {
        List<EventNotifier> listeners = camel.getManagementStrategy().getEventNotifiers().stream()
                .filter(n -> n.getClass().getName().startsWith(org.apache.camel.spring.boot.CamelSpringBootApplicationListener.class.getName() + "$")).toList();
        assertThat(listeners).as("camel-spring-boot's start-up listener's notifier").isNotEmpty();
        assertThat(listeners).allSatisfy(listener -> {
            assertThat(listener.isIgnoreExchangeEvents()).isTrue();
            assertThat(listener.isIgnoreStepEvents()).isTrue();
        });
        // it did its one job: the CamelContextConfigurations ran (this class's among them)
        assertThat(camel.isStarted()).isTrue();
    }
}
