package org.alongside.session.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.session.access.Supervisors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Raises alerts for the responsible supervisor (the peer's) and the duty coordinator at once, queues their emails
 * in the same transaction, and escalates an alert nobody acknowledged in time (see {@link AlertDispatcher}).
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final Supervisors supervisors;
    private final AlertsConfig config;
    private final AlertDispatcher dispatcher;
    private final Clock clock;
    private final String consoleUrl;

    Alerts(Supervisors supervisors, AlertsConfig config, AlertDispatcher dispatcher, Clock clock,
            @ConfigProperty(name = "alongside.console.url", defaultValue = "http://localhost:8080") String consoleUrl) {
        this.supervisors = supervisors;
        this.config = config;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** Alerts about an immediate-risk concern; once per concern. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void concernRaised(UUID concernId, UUID referralId, UUID peerId, OffsetDateTime raisedAt) {
        Alert alert = newAlert(Alert.Kind.IMMEDIATE_RISK_CONCERN, referralId, peerId, raisedAt,
                config.immediateRiskEscalateAfter());
        alert.concernId = concernId;
        raise(alert);
    }

    /** Alerts about a risk flag; once per flag. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void riskFlagged(UUID riskFlagId, UUID referralId, UUID peerId, OffsetDateTime raisedAt) {
        Alert alert = newAlert(Alert.Kind.RISK_FLAG, referralId, peerId, raisedAt, config.riskFlagEscalateAfter());
        alert.riskFlagId = riskFlagId;
        raise(alert);
    }

    /** The concern or flag was acknowledged where it is worked on: its alert needs no more escalation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void causeAcknowledged(UUID concernOrRiskFlagId, String by) {
        Alert.<Alert>find("(concernId = ?1 or riskFlagId = ?1) and acknowledgedAt is null", concernOrRiskFlagId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(alert -> acknowledged(alert, by));
    }

    /** The caller's own alerts, unacknowledged first, then the most recent. */
    public Page<AlertView> feed(String subject, Boolean acknowledged, int page, int size) {
        String where = "exists (select 1 from AlertRecipient r where r.alertId = a.id and r.subject = ?1)"
                + (acknowledged == null ? "" : acknowledged ? " and a.acknowledgedAt is not null"
                        : " and a.acknowledgedAt is null");
        List<Alert> items = Alert.getEntityManager().createQuery("select a from Alert a where " + where
                        + " order by case when a.acknowledgedAt is null then 0 else 1 end, a.raisedAt desc, a.id",
                        Alert.class)
                .setParameter(1, subject).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = Alert.getEntityManager().createQuery("select count(a) from Alert a where " + where, Long.class)
                .setParameter(1, subject).getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Page<>(items.stream().map(a -> AlertView.of(a, now, link(a.id))).toList(), page, size, total);
    }

    /**
     * Acknowledges the alert for all its recipients, which stops its escalation. Only a recipient may: to anyone
     * else it does not exist (404). Acknowledged already: 409.
     */
    @Transactional
    public AlertView acknowledge(UUID id, String subject) {
        if (AlertRecipient.count("alertId = ?1 and subject = ?2", id, subject) == 0) {
            throw ProblemException.notFound("Alert", id);
        }
        Alert alert = Alert.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (alert.acknowledgedAt != null) {
            throw ProblemException.conflict("alert-already-acknowledged", "alert " + id + " was already "
                    + "acknowledged by " + alert.acknowledgedBy + " at " + alert.acknowledgedAt);
        }
        acknowledged(alert, subject);
        return AlertView.of(alert, OffsetDateTime.now(clock), link(alert.id));
    }

    /**
     * Escalates the alerts whose deadline has passed unacknowledged, each to the next contact of the escalation
     * list (an email), then waits the same time again; returns how many it escalated.
     */
    @Transactional
    int escalateDue(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = Alert.getEntityManager().createNativeQuery("""
                        SELECT id FROM alert WHERE escalate_at <= ?1 AND acknowledged_at IS NULL
                        ORDER BY escalate_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        List<String> contacts = config.escalation().orElse(List.of());
        for (UUID id : due) {
            Alert alert = Alert.findById(id);
            alert.escalationLevel++;
            if (alert.escalationLevel > contacts.size()) {
                LOG.warnf("Alert %s is still unacknowledged and has no escalation contact left (%d configured)",
                        alert.id, contacts.size());
                alert.escalateAt = null;
                continue;
            }
            queueEmail(alert, contacts.get(alert.escalationLevel - 1), now);
            alert.escalateAt = now.plus(escalateAfter(alert));
            LOG.infof("Alert %s unacknowledged since %s: escalated to contact %d", alert.id, alert.raisedAt,
                    alert.escalationLevel);
        }
        return due.size();
    }

    /** The console page that shows the alert: the only thing its emails link to. */
    String link(UUID alertId) {
        return consoleUrl + "/alerts/" + alertId;
    }

    private Duration escalateAfter(Alert alert) {
        return alert.kind == Alert.Kind.RISK_FLAG ? config.riskFlagEscalateAfter()
                : config.immediateRiskEscalateAfter();
    }

    private Alert newAlert(Alert.Kind kind, UUID referralId, UUID peerId, OffsetDateTime raisedAt, Duration within) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = kind;
        alert.referralId = referralId;
        alert.peerId = peerId;
        alert.raisedAt = raisedAt;
        alert.acknowledgeBy = raisedAt.plus(within);
        alert.escalateAt = alert.acknowledgeBy;
        return alert;
    }

    private void raise(Alert alert) {
        alert.persist();
        // subject -> (role, email); the supervisor first, the duty coordinator once even if they are both
        Map<String, Map.Entry<AlertRecipient.Role, String>> recipients = new LinkedHashMap<>();
        if (alert.peerId != null) {
            supervisors.supervisorOf(alert.peerId).ifPresent(subject -> recipients.put(subject, Map.entry(
                    AlertRecipient.Role.SUPERVISOR,
                    supervisors.registered(subject).map(s -> s.email == null ? "" : s.email).orElse(""))));
        }
        recipients.putIfAbsent(config.dutyCoordinator().subject(), Map.entry(AlertRecipient.Role.DUTY_COORDINATOR,
                config.dutyCoordinator().email()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        recipients.forEach((subject, roleAndEmail) -> {
            AlertRecipient recipient = new AlertRecipient();
            recipient.alertId = alert.id;
            recipient.subject = subject;
            recipient.role = roleAndEmail.getKey();
            recipient.persist();
            if (roleAndEmail.getValue().isBlank()) {
                LOG.warnf("Alert %s: supervisor %s has no email registered (PUT /supervisors/{subject}); "
                        + "the alert is on their feed only", alert.id, subject);
            } else {
                queueEmail(alert, roleAndEmail.getValue(), now);
            }
        });
        dispatcher.wakeUpAfterCommit();
    }

    private void acknowledged(Alert alert, String by) {
        alert.acknowledgedAt = OffsetDateTime.now(clock);
        alert.acknowledgedBy = by;
        alert.escalateAt = null;
    }

    private void queueEmail(Alert alert, String to, OffsetDateTime now) {
        Alert.getEntityManager().createNativeQuery("""
                        INSERT INTO alert_email (id, alert_id, to_address, escalation_level, queued_at, next_attempt_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?5)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, alert.id).setParameter(3, to.strip())
                .setParameter(4, alert.escalationLevel).setParameter(5, now).executeUpdate();
        dispatcher.wakeUpAfterCommit();
    }
}
