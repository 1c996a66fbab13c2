package org.alongside.session.alert;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.worker.Worker;
import org.jboss.logging.Logger;

/**
 * Sends the queued alert emails through the configured SMTP server (retrying, never giving up: an alert must
 * arrive) and escalates alerts left unacknowledged past their deadline. Apart from the request path: an SMTP server
 * that is down delays an email, never a concern.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'");

    private record Due(UUID id, UUID alertId, String to, int level, Alert.Kind kind, OffsetDateTime raisedAt,
            OffsetDateTime acknowledgeBy, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Mailer mailer;
    private final Instance<Alerts> alerts;
    private final Clock clock;
    private final Duration checkEvery;
    private volatile Worker worker;

    AlertDispatcher(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, Mailer mailer,
            Instance<Alerts> alerts, Clock clock, AlertsConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.mailer = mailer;
        this.alerts = alerts;
        this.clock = clock;
        this.checkEvery = config.checkEvery();
    }

    void start(@Observes StartupEvent event) {
        worker = Worker.named("alert-dispatcher").pollEvery(checkEvery).build(this::round);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /** Wakes the dispatcher once the caller's transaction, which queued an email, has committed. */
    void wakeUpAfterCommit() {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    private Worker.Next round() throws Exception {
        int escalated = alerts.get().escalateDue(BATCH);
        List<Due> due = claimDue();
        for (Due email : due) {
            if (worker.stopping()) {
                break;
            }
            send(email);
        }
        return escalated == BATCH || due.size() == BATCH ? Worker.Next.AGAIN : Worker.Next.WAIT;
    }

    /** Claims due emails by pushing their next attempt out, so a crash mid-send retries rather than loses one. */
    private List<Due> claimDue() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE alert_email e SET next_attempt_at = ?
                     FROM alert a
                     WHERE e.alert_id = a.id AND e.id IN (
                         SELECT id FROM alert_email WHERE sent_at IS NULL AND next_attempt_at <= ?
                         ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                     RETURNING e.id, e.alert_id, e.to_address, e.escalation_level, a.kind, a.raised_at,
                               a.acknowledge_by, e.attempts""")) {
            claim.setObject(1, now.plus(CLAIM));
            claim.setObject(2, now);
            claim.setInt(3, BATCH);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getInt(4), Alert.Kind.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, OffsetDateTime.class), rs.getInt(8)));
                }
            }
        }
        return due;
    }

    private void send(Due email) throws Exception {
        String error = null;
        try {
            mailer.send(Mail.withText(email.to(), subject(email), body(email, alerts.get().link(email.alertId()))));
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int attempts = email.attempts() + 1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(error == null
                     ? "UPDATE alert_email SET sent_at = ?, attempts = ?, last_error = NULL WHERE id = ?"
                     : "UPDATE alert_email SET next_attempt_at = ?, attempts = ?, last_error = ? WHERE id = ?")) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (error == null) {
                update.setObject(1, now);
                update.setInt(2, attempts);
                update.setObject(3, email.id());
            } else {
                Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 8));
                update.setObject(1, now.plus(wait.compareTo(MAX_RETRY) < 0 ? wait : MAX_RETRY));
                update.setInt(2, attempts);
                update.setString(3, error);
                update.setObject(4, email.id());
                LOG.warnf("Alert email %s (alert %s) attempt %d failed: %s", email.id(), email.alertId(), attempts,
                        error);
            }
            update.executeUpdate();
        }
    }

    /** Says what kind of alert and by when, never who: no personal data leaves by email. */
    static String subject(Due email) {
        String what = email.kind() == Alert.Kind.RISK_FLAG ? "a risk flag" : "an immediate-risk safeguarding concern";
        return email.level() == 0 ? "Alongside: " + what + " needs acknowledging"
                : "Alongside, escalated (" + email.level() + "): " + what + " is still unacknowledged";
    }

    static String body(Due email, String link) {
        String what = email.kind() == Alert.Kind.RISK_FLAG
                ? "An answer to an outcome measure was flagged as a risk signal"
                : "A safeguarding concern was raised as an immediate risk";
        String raised = email.raisedAt().atZoneSameInstant(ZoneOffset.UTC).format(TIME);
        String by = email.acknowledgeBy().atZoneSameInstant(ZoneOffset.UTC).format(TIME);
        StringBuilder text = new StringBuilder()
                .append("Someone supported through Alongside may be at risk now. ").append(what).append(" at ")
                .append(raised).append(".\n\n");
        if (email.level() > 0) {
            text.append("Nobody acknowledged it by ").append(by).append(": it has been escalated to you (contact ")
                    .append(email.level()).append(" of the escalation list).\n\n");
        } else {
            text.append("Please acknowledge it by ").append(by).append(".\n\n");
        }
        return text.append("Open the alert in Alongside:\n").append(link).append("\n\n")
                .append("This email carries no personal details by design; sign in to see who it is about and how "
                        + "to reach them.\n").toString();
    }
}
