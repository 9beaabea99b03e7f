package io.ztrade.management.security;

import io.ztrade.desk.AuditLog;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The failed-login counters and the listener that feeds them; {@link SecurityConfiguration} adds the filter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties, Clock.systemUTC());
    }

    @Bean
    LoginAttempts loginAttempts(LoginThrottle throttle, AuditLog audit) {
        return new LoginAttempts(throttle, audit);
    }
}
