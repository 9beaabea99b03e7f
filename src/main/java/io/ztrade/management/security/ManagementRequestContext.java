package io.ztrade.management.security;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.RequestContextFilter;

/**
 * With the actuator on a port of its own ({@code management.server.port}, as the Docker image runs it), its child
 * context has no {@link RequestContextFilter}, and Jolokia's servlet is no Spring MVC handler that would bind the
 * request itself. {@link JolokiaRestrictor} and the audit log then could not see the HTTP method and the client's
 * address: every Jolokia operation was refused there (safe, but Hawtio broke) and refusals were audited without
 * their source. The same filter the application's own port has binds each request on the management port too.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementRequestContext {

    @Bean
    RequestContextFilter managementRequestContextFilter() {
        return new OrderedRequestContextFilter();
    }
}
