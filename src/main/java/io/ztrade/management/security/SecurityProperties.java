package io.ztrade.management.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may log in ({@code ztrade.security.*}). Passwords are plain text or a Spring Security hash with its id prefix
 * ({@code {bcrypt}$2a$10$...}); plain ones are hashed with bcrypt as the app starts and never kept or logged.
 *
 * @param adminUser     the admin's user name ({@code ZTRADE_ADMIN_USER}, defaults to {@code admin})
 * @param adminPassword the admin's password or hash ({@code ZTRADE_ADMIN_PASSWORD}); blank: a random one is generated
 *                      at the first start and printed then only, except with the {@code production} profile, which
 *                      then refuses to start
 * @param adminPasswordFile where the embedded default keeps the generated password's bcrypt hash between starts
 *                      (defaults to {@code ./data/admin-password.bcrypt}, next to the H2 database; readable by its
 *                      owner only); delete it to get a new password at the next start
 * @param users         further users, each with one role (viewer, operator or admin)
 */
@ConfigurationProperties("ztrade.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
                                 @DefaultValue("./data/admin-password.bcrypt") Path adminPasswordFile,
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
        return "SecurityProperties[adminUser=" + adminUser + ", adminPassword=***, adminPasswordFile=" + adminPasswordFile
                + ", users=" + users + "]";
    }
}
