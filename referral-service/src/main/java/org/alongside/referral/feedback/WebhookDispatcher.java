package org.alongside.referral.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.alongside.platform.worker.Worker;
import org.jboss.logging.Logger;

/**
 * Sends queued referrer notifications, signed with the organisation's secret, retrying with exponential backoff.
 * It runs apart from the request path: a referrer's system being down delays their notification, never a referral.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String SIGNATURE_HEADER = "X-Alongside-Signature";
    public static final String TIMESTAMP_HEADER = "X-Alongside-Timestamp";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private record Due(UUID id, String url, String secret, String payload, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration timeout;
    private final HttpClient http;
    private volatile Worker worker;

    WebhookDispatcher(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            WebhookConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.maxAttempts = config.maxAttempts();
        this.firstBackoff = config.firstBackoff();
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start(@Observes StartupEvent event) {
        worker = Worker.named("webhook-dispatcher").pollEvery(Duration.ofSeconds(1)).build(this::deliverDue);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /** Wakes the dispatcher once the caller's transaction, which queued a notification, has committed. */
    void wakeUpAfterCommit() {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** HMAC-SHA256 over "timestamp.body", hex: the receiver recomputes it with the shared secret. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers what is due; a claimed delivery left when stopping is tried again once its claim runs out. */
    private Worker.Next deliverDue() throws Exception {
        for (Due due : claimDue()) {
            if (worker.stopping()) {
                break;
            }
            deliver(due);
        }
        return Worker.Next.WAIT;
    }

    /** Claims due deliveries by pushing their next attempt out, so a crash mid-send retries rather than loses. */
    private List<Due> claimDue() throws Exception {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => ?)
                     FROM referrer_webhook w
                     WHERE d.webhook_id = w.id AND d.id IN (
                         SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
                     RETURNING d.id, w.url, w.secret, d.payload::text, d.attempts""")) {
            claim.setLong(1, timeout.toSeconds() * 3);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
        }
        return due;
    }

    private void deliver(Due due) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        String error;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SIGNATURE_HEADER, sign(due.secret(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            error = response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int attempts = due.attempts() + 1;
        try (Connection connection = dataSource.getConnection()) {
            if (error == null) {
                try (PreparedStatement done = connection.prepareStatement(
                        "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, delivered_at = now(), "
                                + "last_error = NULL WHERE id = ?")) {
                    done.setInt(1, attempts);
                    done.setObject(2, due.id());
                    done.executeUpdate();
                }
                return;
            }
            boolean giveUp = attempts >= maxAttempts;
            long backoffSeconds = firstBackoff.toSeconds() << Math.min(attempts - 1, 16);
            try (PreparedStatement retry = connection.prepareStatement(
                    "UPDATE webhook_delivery SET status = ?, attempts = ?, last_error = ?, "
                            + "next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")) {
                retry.setString(1, giveUp ? "FAILED" : "PENDING");
                retry.setInt(2, attempts);
                retry.setString(3, error);
                retry.setLong(4, backoffSeconds);
                retry.setObject(5, due.id());
                retry.executeUpdate();
            }
            LOG.infof("Webhook delivery %s attempt %d failed (%s)%s", due.id(), attempts, error,
                    giveUp ? "; giving up" : "; will retry in " + backoffSeconds + " s");
        }
    }
}
