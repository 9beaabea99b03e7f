package io.ztrade.alert;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Sends alerts by email through camel-mail ({@code direct:alertEmail}). The SMTP credentials are set on the
 * component, not in the endpoint URI, so they appear in no route, log line or MBean.
 */
@Component
@ConditionalOnExpression("'${ztrade.alerts.email.to:}' != '' and '${ztrade.alerts.email.smtp-host:}' != ''")
class EmailAlertChannel extends RouteBuilder implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailAlertChannel.class);

    private final AlertProperties.Email email;
    private final ProducerTemplate producer;

    EmailAlertChannel(AlertProperties properties, CamelContext camel) {
        this.email = properties.email();
        this.producer = camel.createProducerTemplate();
    }

    @Override
    public void configure() {
        MailConfiguration smtp = getCamelContext().getComponent("smtp", MailComponent.class).getConfiguration();
        if (email.username() != null && !email.username().isBlank()) {
            smtp.setUsername(email.username());
            smtp.setPassword(email.password());
        }
        smtp.setFrom(email.from());
        smtp.setTo(email.to());
        smtp.setContentType("text/plain; charset=UTF-8");
        smtp.setConnectionTimeout(10000);

        from("direct:alertEmail").routeId("alert-email")
                .to("smtp://" + email.smtpHost() + ":" + email.smtpPort()).id("sendAlertEmail");
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Alert alert) {
        try {
            producer.sendBodyAndHeader("direct:alertEmail", alert.text(), "Subject", alert.subject());
        } catch (Exception e) {
            LOG.error("Alert email to {} failed for '{}': {}", email.to(), alert.subject(), e.getMessage());
        }
    }
}
