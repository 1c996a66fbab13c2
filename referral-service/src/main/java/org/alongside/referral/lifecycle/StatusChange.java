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

    public static List<StatusChange> of(UUID referralId) {
        return list("referralId = ?1 order by id", referralId);
    }
}
