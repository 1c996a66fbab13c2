package org.alongside.referral.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.alongside.referral.lifecycle.ReferralStatusChanged;

/**
 * The PRSB "message back to the referrer": when a referral is accepted, declined, matched, withdrawn or closed,
 * a notification is queued in the same transaction for the referrer's webhook, if they registered one; and when a
 * closed referral's end-of-support summary is ready to read, another one saying where.
 */
@ApplicationScoped
public class ReferrerFeedback {

    /** The statuses a referrer is told about; the others are internal steps. */
    static final Set<ReferralStatus> NOTIFIED = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
            ReferralStatus.MATCHED, ReferralStatus.WITHDRAWN, ReferralStatus.CLOSED);

    /** What a notification is about. */
    public enum Kind {
        /** The referral moved to another status. */
        STATUS_CHANGED,
        /** The closed referral's end-of-support summary can be read at {@code summary}. */
        SUMMARY_AVAILABLE
    }

    /** What the referrer receives: ids and codes; they already know who the person is. */
    public record Notification(UUID deliveryId, Kind kind, UUID referralId, String status, String statusReason,
            OffsetDateTime occurredAt, String task, String summary) {
    }

    private final ObjectMapper mapper;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    ReferrerFeedback(ObjectMapper mapper, WebhookDispatcher dispatcher, Clock clock) {
        this.mapper = mapper;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void statusChanged(@Observes ReferralStatusChanged changed) {
        Referral referral = changed.referral();
        if (NOTIFIED.contains(referral.status)) {
            queue(referral, Kind.STATUS_CHANGED, referral.updatedAt, null);
        }
    }

    /** Tells the referrer, in the caller's transaction, that the summary at {@code summary} (a path) is ready. */
    public void summaryAvailable(Referral referral, OffsetDateTime at, String summary) {
        queue(referral, Kind.SUMMARY_AVAILABLE, at, summary);
    }

    private void queue(Referral referral, Kind kind, OffsetDateTime occurredAt, String summary) {
        ReferrerWebhook.forOrganisation(referral.referrerOdsCode).ifPresent(webhook -> {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.webhookId = webhook.id;
            delivery.referralId = referral.id;
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.createdAt = OffsetDateTime.now(clock);
            delivery.nextAttemptAt = delivery.createdAt;
            try {
                delivery.payload = mapper.writeValueAsString(new Notification(delivery.id, kind, referral.id,
                        referral.status.name(), referral.statusReason, occurredAt,
                        "/fhir/Task?focus=ServiceRequest/" + referral.id, summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            delivery.persist();
            dispatcher.wakeUpAfterCommit();
        });
    }
}
