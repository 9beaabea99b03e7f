package io.ztrade.agent;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two thread pools the agent template names by default ({@value #ANALYSES} for the parallel analyses,
 * {@value #RECORDS} for the performance wireTap), one each for all agents, and the caller-runs executor a replay names
 * instead ({@value #CALLER_RUNS}). Without them Camel gives every route a pool of its own for
 * each, and a node with thousands of agents ends up with thousands of threads (1,000 agents: 5,000 threads at the
 * top of the minute, see docs/benchmarks.md). Bound in Camel's registry, not as Spring beans (an Executor bean would
 * turn off Spring Boot's own task executor); made by Camel's ExecutorServiceManager, so they are named, shown in
 * Hawtio and shut down with the context, and a route that is removed (a finished backtest) leaves them running.
 */
@Configuration(proxyBeanMethods = false)
class AgentThreadPools {

    static final String ANALYSES = "agentAnalysesPool";
    static final String RECORDS = "agentRecordsPool";
    /**
     * What a replay names instead of both: the calling thread runs the task (the analyses one after the other, the
     * record inline), so a replayed run never waits for a hand-off to a pool thread and back.
     */
    static final String CALLER_RUNS = "callerRunsExecutor";

    @Bean
    static BeanPostProcessor agentThreadPoolsOnCamelContext(ObjectProvider<AgentThreadsProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CamelContext camel && camel.getRegistry().lookupByName(ANALYSES) == null) {
                    AgentThreadsProperties threads = properties.getObject();
                    camel.getRegistry().bind(ANALYSES, pool(camel, "analyses", threads.analyses()));
                    camel.getRegistry().bind(RECORDS, pool(camel, "records", threads.records()));
                    camel.getRegistry().bind(CALLER_RUNS, new SynchronousExecutorService());
                }
                return bean;
            }
        };
    }

    /**
     * A fixed pool with a queue of 1,000; beyond that the submitting thread runs the task itself (an analysis or a
     * record write is never dropped, the trigger thread just slows down).
     */
    static ExecutorService pool(CamelContext camel, String name, int size) {
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("ztrade-" + name)
                .poolSize(size).maxPoolSize(size).maxQueueSize(1000)
                .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build();
        // each task carries the MDC of the run that handed it over: the run's log follows it onto the pool (RunLogs)
        return new MdcExecutorService(camel.getExecutorServiceManager().newThreadPool(AgentThreadPools.class, "agent " + name, profile));
    }
}
