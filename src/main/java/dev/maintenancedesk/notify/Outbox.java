package dev.maintenancedesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one message once. Each message (channel and recipient) is claimed in {@code notifications_sent}
 * and sent in a transaction of its own: a redelivered event finds the claims of what already went out
 * and sends only the rest; a failed send rolls its own claim back and throws, which leaves the event
 * incomplete in the publication registry, to be retried.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String webhook;
    private final String from;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TransactionTemplate ownTransaction;

    Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, @Value("${desk.notify.webhook-url:}") String webhook,
            @Value("${desk.notify.from:maintenance-desk@localhost}") String from, Clock clock,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.mail = mail;
        this.webhook = webhook;
        this.from = from;
        this.clock = clock;
    }

    void mail(String key, String to, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        once(key + ":mail:" + to, () -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject("[Maintenance Desk] " + text.lines().findFirst().orElse(text));
            message.setText(text);
            sender.send(message);
        });
    }

    void chat(String key, String text) {
        if (webhook != null && !webhook.isBlank()) {
            once(key + ":chat", () -> post(text));
        }
    }

    private void once(String key, Runnable send) {
        ownTransaction.executeWithoutResult(status -> {
            if (claim(key)) {
                send.run();
            }
        });
    }

    private void post(String text) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webhook))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", text))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("chat webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("chat webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to the chat webhook", e);
        }
        log.debug("chat notification sent");
    }

    private boolean claim(String key) {
        String bounded = key.length() > 300 ? key.substring(0, 300) : key;
        return jdbc.sql("""
                INSERT INTO notifications_sent (notification_key, sent_at)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM notifications_sent WHERE notification_key = ?)""")
                .params(bounded, clock.instant().atOffset(ZoneOffset.UTC), bounded)
                .update() == 1;
    }
}
