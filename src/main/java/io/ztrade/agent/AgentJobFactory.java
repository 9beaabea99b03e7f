package io.ztrade.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.quartz.CamelJob;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.component.quartz.StatefulCamelJob;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.NormalizedEndpointUri;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.simpl.PropertySettingJobFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the work of one agent's fire independent of how many agents there are. camel-quartz's job finds the route
 * a trigger belongs to by walking every route of the context on every fire, so a minute in which n agents fire costs
 * n x n steps (2,000 agents: 16 s of CPU a minute, see docs/benchmarks.md). This job factory gives Quartz the same
 * jobs with one change: the endpoint is first looked up by the URI camel-quartz stored in the job, in Camel's
 * endpoint registry, and accepted only if its trigger is the one firing; anything else goes the usual way. The job
 * class stored with the trigger stays camel-quartz's, so Quartz still runs at most one fire per agent at a time
 * ({@code StatefulCamelJob} is {@code @DisallowConcurrentExecution}).
 */
public final class AgentJobFactory implements JobFactory {

    private final JobFactory others = new PropertySettingJobFactory();
    /**
     * Each stored URI's key in Camel's endpoint registry, made once: Camel's {@code hasEndpoint(String)} normalizes
     * the URI (parses and sorts its query) on every call, a fifth of a fire's own work. A stored URI is plain text
     * (no placeholders), so its key never changes; the endpoint is still looked up, and checked, on every fire.
     */
    private final Map<String, NormalizedEndpointUri> keys = new ConcurrentHashMap<>();

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type == StatefulCamelJob.class) {
            return new StatefulAgentJob(this);
        }
        if (type == CamelJob.class) {
            return new AgentJob(this);
        }
        return others.newJob(bundle, scheduler);
    }

    /** The quartz endpoint of the firing trigger, found by the URI in its job data; null when that does not match. */
    static QuartzEndpoint byStoredUri(CamelContext camel, String uri, TriggerKey firing) {
        return new AgentJobFactory().endpoint(camel, uri, firing);
    }

    QuartzEndpoint endpoint(CamelContext camel, String uri, TriggerKey firing) {
        Endpoint endpoint = uri == null ? null : camel.getCamelContextExtension()
                .hasEndpoint(keys.computeIfAbsent(uri, camel.getCamelContextExtension()::normalizeUri));
        if (endpoint instanceof QuartzEndpoint quartz && firing.equals(quartz.getTriggerKey())) {
            return quartz;
        }
        return null;
    }

    private QuartzEndpoint byStoredUri(CamelContext camel, JobExecutionContext fire) {
        return endpoint(camel, fire.getMergedJobDataMap().getString(QuartzConstants.QUARTZ_ENDPOINT_URI),
                fire.getTrigger().getKey());
    }

    static final class AgentJob extends CamelJob {
        private final AgentJobFactory factory;

        AgentJob(AgentJobFactory factory) {
            this.factory = factory;
        }

        @Override
        protected QuartzEndpoint lookupQuartzEndpoint(CamelContext camel, JobExecutionContext fire) throws JobExecutionException {
            QuartzEndpoint endpoint = factory.byStoredUri(camel, fire);
            return endpoint != null ? endpoint : super.lookupQuartzEndpoint(camel, fire);
        }
    }

    static final class StatefulAgentJob extends StatefulCamelJob {
        private final AgentJobFactory factory;

        StatefulAgentJob(AgentJobFactory factory) {
            this.factory = factory;
        }

        @Override
        protected QuartzEndpoint lookupQuartzEndpoint(CamelContext camel, JobExecutionContext fire) throws JobExecutionException {
            QuartzEndpoint endpoint = factory.byStoredUri(camel, fire);
            return endpoint != null ? endpoint : super.lookupQuartzEndpoint(camel, fire);
        }
    }

    /** Installed on whichever scheduler camel-quartz ends up with (its own, or the production cluster's). */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        ComponentCustomizer agentJobFactory() {
            return ComponentCustomizer.forType(QuartzComponent.class,
                    quartz -> quartz.addScheduleInitTask(scheduler -> scheduler.setJobFactory(new AgentJobFactory())));
        }
    }
}
