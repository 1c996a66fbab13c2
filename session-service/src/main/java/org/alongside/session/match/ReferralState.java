package org.alongside.session.match;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service knows of a referral's lifecycle: accepted for support, and whether that support ended. */
@Entity
@Table(name = "referral_state")
public class ReferralState extends PanacheEntityBase {

    public enum Ending { CLOSED, WITHDRAWN }

    @Id
    public UUID referralId;
    public OffsetDateTime acceptedAt;
    public OffsetDateTime endedAt;
    @Enumerated(EnumType.STRING)
    public Ending endedAs;
    public String endReason;
    /** The person withdrew their consent to peer support: nothing new may be recorded for them. */
    public OffsetDateTime consentWithdrawnAt;
    /** The retention period ran out and the free text was erased. */
    public OffsetDateTime erasedAt;

    /** Accepted, and not closed or withdrawn before {@code at}: the person could be supported then. */
    public boolean openAt(OffsetDateTime at) {
        return acceptedAt != null && (endedAt == null || at.isBefore(endedAt));
    }
}
