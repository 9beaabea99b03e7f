package io.ztrade.management.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may log in ({@code ztrade.security.*}). Passwords are plain text or a Spring Security hash with its id prefix
 * ({@code {bcrypt}$2a$10$...}); plain ones are hashed with bcrypt as the app starts and never kept or logged.
 *
 * @param adminUser     the admin's user name ({@code ZTRADE_ADMIN_USER}, defaults to {@code admin})
 * @param adminPassword the admin's password or hash ({@code ZTRADE_ADMIN_PASSWORD}); blank: a random one is generated
 *                      and printed once at start-up, except with the {@code production} profile, which then refuses
 *                      to start
 * @param users         further users, each with one role (viewer, operator or admin)
 */
@ConfigurationProperties("ztrade.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
                                 @DefaultValue List<User> users) {

    /** One more user, e.g. {@code ZTRADE_SECURITY_USERS_0_NAME=ops}, {@code ..._PASSWORD}, {@code ..._ROLE=operator}. */
    public record User(String name, String password, Role role) {
        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + ", password=***]";
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[adminUser=" + adminUser + ", adminPassword=***, users=" + users + "]";
    }
}
