package org.alongside.referral.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.worker.Worker;
import org.alongside.referral.feedback.ReferrerFeedback;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.alongside.referral.lifecycle.ReferralStatusChanged;
import org.alongside.referral.lifecycle.StatusChange;
import org.jboss.logging.Logger;

/**
 * End-of-support summaries: queued in the transaction that closes a referral (any reason) whose person consented to
 * share with their GP, then assembled by a worker from session- and outcomes-service once the close has committed,
 * retried with a growing back-off while one of them does not answer, and announced to the referrer's webhook when
 * ready. Nothing is shared without that consent: none is made without it, and one already made is not shown once it
 * is withdrawn.
 */
@ApplicationScoped
public class Summaries {

    private static final Logger LOG = Logger.getLogger(Summaries.class);

    private record Due(UUID referralId, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final SupportRecord support;
    private final ServiceIdentity identity;
    private final ReferrerFeedback feedback;
    private final ObjectMapper mapper;
    private final SummaryConfig config;
    private final Clock clock;
    private volatile Worker worker;

    Summaries(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, SupportRecord support,
            ServiceIdentity identity, ReferrerFeedback feedback, ObjectMapper mapper, SummaryConfig config,
            Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.support = support;
        this.identity = identity;
        this.feedback = feedback;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        worker = Worker.named("summary-assembler").pollEvery(Duration.ofSeconds(1)).build(this::assembleDue);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /** The person agreed that their GP be told, and has not withdrawn consent; the record is not erased. */
    public static boolean mayShare(Referral referral) {
        return Boolean.TRUE.equals(referral.consentShareWithGp) && referral.consentWithdrawnAt == null
                && referral.erasedAt == null;
    }

    /** The referral's assembled summary, if it may be shared. */
    public Optional<Summary> readable(Referral referral) {
        return mayShare(referral) ? held(referral.id) : Optional.empty();
    }

    /** The referral's assembled summary, shared or not (a subject access export shows what is held). */
    public Optional<Summary> held(UUID referralId) {
        EndOfSupportSummary stored = EndOfSupportSummary.findById(referralId);
        if (stored == null || stored.status != EndOfSupportSummary.Status.READY) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(stored.content, Summary.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Summary of referral " + referralId + " cannot be read", e);
        }
    }

    /** Deletes the referral's summary (it holds the person's words), in the caller's transaction. */
    public void erase(UUID referralId) {
        EndOfSupportSummary.deleteById(referralId);
    }

    void closed(@Observes ReferralStatusChanged changed) {
        Referral referral = changed.referral();
        if (referral.status != ReferralStatus.CLOSED || !mayShare(referral)
                || EndOfSupportSummary.findById(referral.id) != null) {
            return;
        }
        EndOfSupportSummary summary = new EndOfSupportSummary();
        summary.referralId = referral.id;
        summary.status = EndOfSupportSummary.Status.PENDING;
        summary.createdAt = OffsetDateTime.now(clock);
        summary.nextAttemptAt = summary.createdAt;
        summary.persist();
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    private Worker.Next assembleDue() throws Exception {
        for (Due due : claimDue()) {
            if (worker.stopping()) {
                break;
            }
            assemble(due);
        }
        return Worker.Next.WAIT;
    }

    /** Claims due summaries by pushing their next attempt out, so a crash mid-way retries rather than loses. */
    private List<Due> claimDue() throws SQLException {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE end_of_support_summary SET next_attempt_at = now() + make_interval(secs => ?)
                     WHERE referral_id IN (
                         SELECT referral_id FROM end_of_support_summary
                         WHERE status = 'PENDING' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
                     RETURNING referral_id, attempts""")) {
            claim.setLong(1, config.timeout().toSeconds() * 8 + 10);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getInt(2)));
                }
            }
        }
        return due;
    }

    private void assemble(Due due) throws SQLException {
        SupportRecord.Parts parts;
        try {
            parts = support.read(due.referralId(), identity.bearer());
        } catch (SupportRecord.Unavailable | java.io.IOException | RuntimeException e) {
            failed(due, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store(due.referralId(), parts));
    }

    private void store(UUID referralId, SupportRecord.Parts parts) {
        EndOfSupportSummary summary = EndOfSupportSummary.findById(referralId);
        Referral referral = Referral.findById(referralId);
        if (summary == null || summary.status != EndOfSupportSummary.Status.PENDING) {
            return;
        }
        if (referral == null || !mayShare(referral)) {
            // consent went (or the record was erased) while it waited: nothing is to be shared
            summary.delete();
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            summary.content = mapper.writeValueAsString(SummaryAssembly.of(referral, StatusChange.of(referralId),
                    parts, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        summary.status = EndOfSupportSummary.Status.READY;
        summary.assembledAt = now;
        summary.attempts++;
        summary.lastError = null;
        feedback.summaryAvailable(referral, now, SummaryResource.PATH + referralId);
    }

    private void failed(Due due, String error) throws SQLException {
        int attempts = due.attempts() + 1;
        long first = config.firstBackoff().toMillis();
        long backoff = Math.min(first << Math.min(attempts - 1, 20), config.maxBackoff().toMillis());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement retry = connection.prepareStatement("""
                     UPDATE end_of_support_summary SET attempts = ?, last_error = ?,
                         next_attempt_at = now() + ? * interval '1 millisecond'
                     WHERE referral_id = ? AND status = 'PENDING'""")) {
            retry.setInt(1, attempts);
            retry.setString(2, error);
            retry.setLong(3, backoff);
            retry.setObject(4, due.referralId());
            retry.executeUpdate();
        }
        LOG.infof("End-of-support summary of referral %s: attempt %d failed (%s); will retry in %d ms",
                due.referralId(), attempts, error, backoff);
    }
}
