package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralDeclined;
import org.alongside.platform.events.referrals.ReferralReceived;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** A referral's journey in referral-service, as the commissioning figures count it. */
@ApplicationScoped
public class ReferralEvents implements ReadModelSubscriber {

    private final ReferralFacts facts;

    ReferralEvents(ReferralFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralReceived.class, this::received)
                .on(ReferralAccepted.class, this::accepted)
                .on(ReferralAcceptedV2.class, this::acceptedV2)
                .on(ReferralUpdated.class, this::updated)
                .on(ReferralDeclined.class, this::declined)
                .on(ReferralWithdrawn.class, this::withdrawn)
                .on(ReferralClosed.class, this::closed)
                .build();
    }

    /** A referral was received: the start of every journey, with the dimensions reports group by. */
    void received(Received<ReferralReceived> event) throws SQLException {
        facts.received(event.referralId(), event.data(), event.time());
    }

    /** Triage accepted the referral; its data also fills any dimension the received event did not bring. */
    void accepted(Received<ReferralAccepted> event) throws SQLException {
        facts.accepted(event.referralId(), ReferralFacts.Accepted.of(event.data()), event.time());
    }

    /** Version 2 of the same, which also carries the person's ethnic category for equity reporting. */
    void acceptedV2(Received<ReferralAcceptedV2> event) throws SQLException {
        facts.accepted(event.referralId(), ReferralFacts.Accepted.of(event.data()), event.time());
    }

    /** A coordinator corrected who the referral is about: figures follow the correction. */
    void updated(Received<ReferralUpdated> event) throws SQLException {
        facts.updated(event.referralId(), event.data(), event.time());
    }

    /** Triage declined the referral, with a coded reason. */
    void declined(Received<ReferralDeclined> event) throws SQLException {
        facts.reached(event.referralId(), ReferralFacts.Milestone.DECLINED, event.time(), event.data().reason());
    }

    /** The referral was withdrawn; the status it left shows where in the journey people drop out. */
    void withdrawn(Received<ReferralWithdrawn> event) throws SQLException {
        ReferralWithdrawn withdrawn = event.data();
        facts.reached(event.referralId(), ReferralFacts.Milestone.WITHDRAWN, event.time(), withdrawn.reason(),
                withdrawn.fromStatus() == null ? null : withdrawn.fromStatus().name());
    }

    /** Support ended, with a coded reason. */
    void closed(Received<ReferralClosed> event) throws SQLException {
        facts.reached(event.referralId(), ReferralFacts.Milestone.CLOSED, event.time(), event.data().reason());
    }
}
