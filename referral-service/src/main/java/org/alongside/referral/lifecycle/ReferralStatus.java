package org.alongside.referral.lifecycle;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a referral is in its journey, and where it may go next. */
@Schema(description = """
        RECEIVED: waiting for triage. ACCEPTED: triaged in, waiting for a peer. DECLINED: triaged out (final).
        WITHDRAWN: stopped by the person or referrer (final). MATCHED: the person chose a peer.
        ACTIVE: the first session was attended. CLOSED: support ended, with a coded reason (final).""")
public enum ReferralStatus {
    RECEIVED, ACCEPTED, DECLINED, WITHDRAWN, MATCHED, ACTIVE, CLOSED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(MATCHED, WITHDRAWN);
            case MATCHED -> EnumSet.of(ACTIVE, WITHDRAWN, CLOSED);
            case ACTIVE -> EnumSet.of(CLOSED, WITHDRAWN);
            case DECLINED, WITHDRAWN, CLOSED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return !next().isEmpty();
    }
}
