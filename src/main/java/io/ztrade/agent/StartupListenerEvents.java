package io.ztrade.agent;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.CamelSpringBootApplicationListener;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * camel-spring-boot's start-up listener ({@link CamelSpringBootApplicationListener}) adds an event notifier that acts
 * on one event, CamelContextStarted (it calls the {@link CamelContextConfiguration}s, this one included), yet does not
 * opt out of the others: for every exchange made, sent and done Camel then makes an event object and hands it to that
 * notifier, which drops it, several times a run, live and in replay (docs/benchmarks.md). Once it has done its one
 * job, it is told to ignore exchange and step events.
 */
@Component
class StartupListenerEvents implements CamelContextConfiguration {

    static final String LISTENER = CamelSpringBootApplicationListener.class.getName();

    @Override
    public void beforeApplicationStart(CamelContext camel) {
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        for (EventNotifier notifier : camel.getManagementStrategy().getEventNotifiers()) {
            if (notifier instanceof EventNotifierSupport listener && listener.getClass().getName().startsWith(LISTENER + "$")) {
                listener.setIgnoreExchangeEvents(true);
                listener.setIgnoreStepEvents(true);
            }
        }
    }
}
