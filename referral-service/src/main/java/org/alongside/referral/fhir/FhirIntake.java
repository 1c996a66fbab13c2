package org.alongside.referral.fhir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.SQLException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.problem.ProblemMappers;
import org.alongside.platform.security.Caller;
import org.alongside.referral.intake.Intake;
import org.alongside.referral.lifecycle.NewReferral;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;
import org.hibernate.StatelessSession;

/**
 * Takes a referral read from FHIR into intake: checks it with the referral's own constraints, reporting each
 * problem at the FHIR element it came from, keeps what was sent, and for a BaRS message records the message's
 * identity in the transaction that creates the referral, so that a resend creates nothing.
 */
@ApplicationScoped
public class FhirIntake {

    /** A message's identity: its Bundle.id scoped to the sender, and its MessageHeader.id. */
    public record MessageIdentity(String sender, String bundleId, String headerId) {
    }

    /** The referral; whether this request created it; the record of the message that brought it, if any. */
    public record Received(Referral referral, boolean created, FhirMessage message) {
    }

    private final Intake intake;
    private final Referrals referrals;
    private final Validator validator;
    private final ReferralFhirWriter writer;
    private final Caller caller;
    private final Clock clock;
    private final StatelessSession rows;

    FhirIntake(Intake intake, Referrals referrals, Validator validator, ReferralFhirWriter writer, Caller caller,
            Clock clock, StatelessSession rows) {
        this.intake = intake;
        this.referrals = referrals;
        this.validator = validator;
        this.writer = writer;
        this.caller = caller;
        this.clock = clock;
        this.rows = rows;
    }

    /** The sender a message's identity is scoped to: the caller's organisation, else the caller. */
    public String sender() {
        return caller.odsCode().orElse(caller.user());
    }

    /** The message already processed under this sender and Bundle.id, if any. */
    private Optional<FhirMessage> processed(String sender, String bundleId) {
        return QuarkusTransaction.joiningExisting().call(() -> FhirMessage.find(sender, bundleId));
    }

    /** The referral a processed message created, as the sender may see it. */
    private Referral referralOf(FhirMessage message) {
        return referrals.visibleTo(message.referralId, caller);
    }

    /**
     * Receives the referral {@code read}; {@code answerIfCreated} is the channel's answer when it is new. With a
     * message's identity, a message already processed under its Bundle.id is answered with what it made, whatever
     * its MessageHeader.id: {@link Received#message()} says which message that was.
     */
    public Received receive(ServiceRequestReader.Read read, String idempotencyKey, MessageIdentity message,
            Response.Status answerIfCreated) {
        validate(read);
        Intake.Submission submission;
        // the message processed before under this Bundle.id, if any; else the record stored with the referral (which
        // a transaction that then failed may have set: it counts only when this request created the referral)
        AtomicReference<FhirMessage> processedBefore = new AtomicReference<>();
        AtomicReference<FhirMessage> recorded = new AtomicReference<>();
        try {
            // a retry is known by the Idempotency-Key, else by the sender's own identifier of the referral
            String key = idempotencyKey != null ? idempotencyKey : read.identifier();
            submission = intake.submit(read.referral(), new Intake.Arrival(Referral.Channel.FHIR, key,
                    read.identifier(), read.consentSource(), writer.asStored(read.asSent())), caller,
                    answerIfCreated, message == null ? Intake.Companion.NONE : new Intake.Companion() {
                        @Override
                        public Optional<Referral> earlier() {
                            Optional<FhirMessage> earlier = FhirMessage.find(message.sender(), message.bundleId());
                            // set on every run: a unit whose group failed runs again alone (GroupCommit)
                            processedBefore.set(earlier.orElse(null));
                            return earlier.map(FhirIntake.this::referralOf);
                        }

                        @Override
                        public void storedWith(Referral referral) {
                            recorded.set(record(message, referral.id));
                        }
                    });
        } catch (ProblemException e) {
            throw refusal(e, read);
        } catch (RuntimeException e) {
            // the same message sent twice at once: the copy that committed first made the referral
            if (message != null && isUniqueViolation(e)) {
                FhirMessage first = processed(message.sender(), message.bundleId()).orElseThrow(() -> e);
                return new Received(referralOf(first), false, first);
            }
            throw e;
        }
        if (submission.created() || message == null) {
            return new Received(submission.referral(), submission.created(), recorded.get());
        }
        if (processedBefore.get() != null) {
            return new Received(submission.referral(), false, processedBefore.get());
        }
        // a new message for a referral already received (the same ServiceRequest.identifier or Idempotency-Key)
        try {
            return new Received(submission.referral(), false, QuarkusTransaction.requiringNew()
                    .call(() -> record(message, submission.referral().id)));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return new Received(submission.referral(), false,
                    processed(message.sender(), message.bundleId()).orElseThrow(() -> e));
        }
    }

    private FhirMessage record(MessageIdentity message, UUID referralId) {
        FhirMessage record = new FhirMessage();
        record.sender = message.sender();
        record.bundleId = message.bundleId();
        record.headerId = message.headerId();
        record.referralId = referralId;
        record.responseId = UUID.randomUUID();
        record.receivedAt = OffsetDateTime.now(clock);
        rows.insert(record); // at once, as the referral's own rows are (Intake)
        return record;
    }

    /** The referral's constraints, each violation reported at the element it came from, in FHIR's words. */
    private void validate(ServiceRequestReader.Read read) {
        Set<ConstraintViolation<NewReferral>> violations = validator.validate(read.referral());
        if (violations.isEmpty()) {
            return;
        }
        List<FhirIntakeException.Issue> issues = new ArrayList<>();
        violations.stream().sorted(Comparator.comparing(ProblemMappers::fieldName)).forEach(v -> {
            String expression = read.expressionFor(ProblemMappers.fieldName(v));
            issues.add(new FhirIntakeException.Issue(v.getInvalidValue() == null ? "required" : "invalid",
                    expression, expression + " " + v.getMessage()));
        });
        throw new FhirIntakeException(400, issues);
    }

    /** What intake refused (a missing NHS number, another organisation's referral), at its FHIR element. */
    private static FhirIntakeException refusal(ProblemException e, ServiceRequestReader.Read read) {
        Problem problem = e.toProblem(null);
        if (problem.errors() == null || problem.errors().isEmpty()) {
            String expression = e.status() == 403 ? read.expressionFor("referrer.odsCode") : null;
            return new FhirIntakeException(e.status(), List.of(new FhirIntakeException.Issue(
                    Outcomes.codeFor(e.status()), expression, e.getMessage())));
        }
        return new FhirIntakeException(e.status(), problem.errors().stream().map(error -> {
            String expression = read.expressionFor(error.field());
            return new FhirIntakeException.Issue("required", expression, expression + " " + error.message());
        }).toList());
    }

    /** PostgreSQL's unique_violation anywhere in the failure: another transaction stored the same key first. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
