package org.alongside.referral.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.query.Page;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One step in a referral's history. */
@Entity
@Table(name = "referral_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ReferralStatus toStatus;
    public String reason;
    public String actor;
    public OffsetDateTime changedAt;
    /** The fields a correction changed (person.phone, conditions...); null for a change of status. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> changedFields;

    /** A step of the referral's history, to be persisted with the change it records; {@code from} null at receipt. */
    static StatusChange step(UUID referralId, ReferralStatus from, ReferralStatus to, String reason, String actor,
            OffsetDateTime at) {
        StatusChange step = new StatusChange();
        step.referralId = referralId;
        step.fromStatus = from;
        step.toStatus = to;
        step.reason = reason;
        step.actor = actor;
        step.changedAt = at;
        return step;
    }

    /** False for a step that left the status as it was (consent withdrawn after the referral ended). */
    boolean changesStatus() {
        return toStatus != fromStatus;
    }

    /** The referral's whole history, in order. */
    public static List<StatusChange> of(UUID referralId) {
        return list("referralId = ?1 order by id", referralId);
    }

    /** The referral's history in order, a page at a time. */
    public static Page<StatusChange> of(UUID referralId, int page, int size) {
        var query = StatusChange.<StatusChange>find("referralId = ?1 order by id", referralId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
