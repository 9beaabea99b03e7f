package io.ztrade.management.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Ztrade's own login page at {@code /login}, in place of Spring Security's generic one: the same form fields
 * ({@code username}, {@code password}, the masked CSRF token as {@code _csrf}) posted to the same {@code /login}, so
 * form login, its throttling and its cookies are unchanged; a line that says where the first password comes from; a
 * button per single sign-on provider when one is configured. One page of plain HTML with its style inline: it is
 * the page shown before any login, so it reads nothing that needs one.
 */
@Controller
class LoginPage {

    private final SecurityProperties users;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    private final LdapProperties ldap;

    LoginPage(SecurityProperties users, ObjectProvider<ClientRegistrationRepository> registrations, LdapProperties ldap) {
        this.users = users;
        this.registrations = registrations;
        this.ldap = ldap;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        String notice = null;
        boolean problem = false;
        if (request.getParameter("error") != null) {
            notice = "Wrong user name or password, or this account may not log in.";
            problem = true;
        } else if (request.getParameter("logout") != null) {
            notice = "You are logged out.";
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(request, notice, problem));
    }

    /** The page with a notice on top (null: none); {@link LoginThrottleFilter} shows it with its 429 too. */
    String html(HttpServletRequest request, String notice, boolean problem) {
        StringBuilder page = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Log in - Ztrade</title>
                <style>
                body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #222; background: #eef1f5; }
                header { background: #1f2d3d; color: #fff; padding: .7em 1em; }
                header h1 { font-size: 1.25em; margin: 0; letter-spacing: .02em; }
                header span { color: #cde; font-size: .85em; }
                main { box-sizing: border-box; max-width: 24em; margin: 2em auto; padding: 1.4em 1.5em; background: #fff;
                  border: 1px solid #d5dbe3; border-radius: 6px; }
                h2 { font-size: 1.1em; margin: 0 0 .8em; }
                label { display: block; margin: .6em 0 .2em; font-weight: 600; }
                input { box-sizing: border-box; width: 100%; padding: .5em; font-size: 1em; border: 1px solid #aab4c0;
                  border-radius: 4px; }
                button, .sso { box-sizing: border-box; display: block; width: 100%; margin-top: 1em; padding: .6em;
                  font-size: 1em; border-radius: 4px; text-align: center; cursor: pointer; }
                button { background: #1f6fb2; color: #fff; border: 0; }
                .sso { background: #fff; color: #1f2d3d; border: 1px solid #1f2d3d; text-decoration: none; }
                .notice { padding: .5em .7em; border-radius: 4px; background: #e8f4ea; }
                .notice.problem { background: #fdecea; color: #7b241c; }
                .hint { color: #555; font-size: .9em; margin-top: 1.2em; }
                .or { text-align: center; color: #777; margin: 1.2em 0 0; font-size: .9em; }
                code { font-size: .95em; overflow-wrap: anywhere; }
                @media (max-width: 480px) { main { margin: 0; border: 0; border-radius: 0; max-width: none; } }
                </style>
                </head>
                <body>
                <header><h1>Ztrade</h1><span>trading agents desk</span></header>
                <main>
                <h2>Log in</h2>
                """);
        if (notice != null) {
            page.append("<p id=\"notice\" class=\"notice").append(problem ? " problem" : "").append("\">")
                    .append(escape(notice)).append("</p>\n");
        }
        page.append("<form method=\"post\" action=\"").append(escape(request.getContextPath())).append("/login\">\n")
                .append("<label for=\"username\">User name</label>\n")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" autofocus required>\n")
                .append("<label for=\"password\">Password</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n");
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            page.append("<input type=\"hidden\" name=\"").append(escape(csrf.getParameterName())).append("\" value=\"")
                    .append(escape(csrf.getToken())).append("\">\n");
        }
        page.append("<button type=\"submit\">Log in</button>\n</form>\n");
        List<ClientRegistration> providers = providers();
        if (!providers.isEmpty()) {
            page.append("<p class=\"or\">or</p>\n");
            for (ClientRegistration provider : providers) {
                page.append("<a class=\"sso\" data-provider=\"").append(escape(provider.getRegistrationId()))
                        .append("\" href=\"").append(escape(request.getContextPath())).append("/oauth2/authorization/")
                        .append(escape(provider.getRegistrationId())).append("\">Log in with ")
                        .append(escape(provider.getClientName())).append("</a>\n");
            }
        }
        if (ldap.enabled()) {
            page.append("<p id=\"directory\" class=\"hint\">Directory (LDAP) accounts log in with this form too.</p>\n");
        }
        page.append("<p id=\"first-password\" class=\"hint\">").append(firstPasswordHint()).append("</p>\n");
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Where the admin's first password comes from: the first start's log, or the desk's own setting. */
    private String firstPasswordHint() {
        String admin = "<code>" + escape(users.adminUser()) + "</code>";
        if (users.adminPassword() == null || users.adminPassword().isBlank()) {
            return "First login: user " + admin + " with the password printed in the start-up log of Ztrade's first"
                    + " start (<code>Generated password for Ztrade admin user ...</code>). Lost it? Stop Ztrade, delete"
                    + " <code>" + escape(users.adminPasswordFile().toString()) + "</code> and start again for a new one.";
        }
        return "First login: user " + admin + " with the password set in <code>ZTRADE_ADMIN_PASSWORD</code>;"
                + " further users are the desk's (<code>ZTRADE_SECURITY_USERS_*</code>).";
    }

    private List<ClientRegistration> providers() {
        List<ClientRegistration> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration client) {
                    providers.add(client);
                }
            }
        }
        return providers;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
