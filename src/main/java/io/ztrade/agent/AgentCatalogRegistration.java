package io.ztrade.agent;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hooks the {@link AgentCatalog} into Camel's model as soon as the CamelContext exists, before any route file is
 * loaded, whatever the start-up path (plain boot, tests with advice, route reload).
 */
@Configuration(proxyBeanMethods = false)
class AgentCatalogRegistration {

    @Bean
    static BeanPostProcessor agentCatalogOnCamelContext(ObjectProvider<AgentCatalog> catalog) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CamelContext camel) {
                    Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
                    AgentCatalog agents = catalog.getObject();
                    if (!model.getModelLifecycleStrategies().contains(agents)) {
                        model.addModelLifecycleStrategy(agents);
                    }
                    agents.attach(camel);
                }
                return bean;
            }
        };
    }
}
