package org.alongside.referral.summary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A closed referral's end-of-support summary: waiting to be assembled, or assembled ({@link Summary} as JSON). */
@Entity
@Table(name = "end_of_support_summary")
public class EndOfSupportSummary extends PanacheEntityBase {

    public enum Status { PENDING, READY }

    @Id
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String lastError;
    public OffsetDateTime createdAt;
    public OffsetDateTime assembledAt;
}
