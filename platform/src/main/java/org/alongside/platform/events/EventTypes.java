package org.alongside.platform.events;

/**
 * Event type names of the integration contract. Each has one {@link EventData} record of its data (in the package of
 * its stream, e.g. {@code events.referrals}), which producers publish and consumers read; docs/events.md describes
 * them.
 */
public final class EventTypes {
    public static final String REFERRAL_RECEIVED = "referral.received";
    public static final String REFERRAL_ACCEPTED = "referral.accepted";
    public static final String REFERRAL_DECLINED = "referral.declined";
    public static final String REFERRAL_WITHDRAWN = "referral.withdrawn";
    public static final String REFERRAL_CLOSED = "referral.closed";
    /** A coordinator corrected what matching or reporting uses (PATCH /referrals/{id}). */
    public static final String REFERRAL_UPDATED = "referral.updated";
    /** The person withdrew their consent to peer support: no service may process their records further. */
    public static final String REFERRAL_CONSENT_WITHDRAWN = "referral.consent-withdrawn";
    /** The retention period ran out: every service erases the person's free text, keeping only what counts need. */
    public static final String REFERRAL_ERASED = "referral.erased";
    public static final String MATCH_PROPOSED = "match.proposed";
    public static final String MATCH_ACCEPTED = "match.accepted";
    public static final String MATCH_DECLINED = "match.declined";
    public static final String MATCH_ENDED = "match.ended";
    public static final String SESSION_RECORDED = "session.recorded";
    public static final String GOAL_UPDATED = "goal.updated";
    public static final String SAFEGUARDING_RAISED = "safeguarding.raised";
    public static final String SAFEGUARDING_CLOSED = "safeguarding.closed";
    /** A person was linked to a community resource, or whether they took it up changed. */
    public static final String SIGNPOSTING_UPDATED = "signposting.updated";
    public static final String OUTCOME_RECORDED = "outcome.recorded";
    public static final String RISK_FLAGGED = "risk.flagged";
    /** Keyed by the peer: who supervises them. */
    public static final String SUPERVISOR_ASSIGNED = "supervisor.assigned";
    /** Keyed by the peer: a supervision session was held with them. */
    public static final String SUPERVISION_RECORDED = "supervision.recorded";

    private EventTypes() {
    }
}
