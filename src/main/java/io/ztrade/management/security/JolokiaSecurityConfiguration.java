package io.ztrade.management.security;

import io.ztrade.desk.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;

/**
 * Jolokia's servlet (jolokia-support-springboot3) takes its {@link org.jolokia.server.core.service.api.Restrictor}
 * from the application context; this one replaces the policy file (jolokia-access.xml) Jolokia would read otherwise.
 */
@Configuration
class JolokiaSecurityConfiguration {

    /** Created when the web server starts, before most beans: the audit log is looked up on first use. */
    @Bean
    JolokiaRestrictor jolokiaRestrictor(RoleHierarchy roleHierarchy, ObjectProvider<AuditLog> audit) {
        return new JolokiaRestrictor(roleHierarchy, audit);
    }
}
