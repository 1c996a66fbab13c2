package org.alongside.session.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert that someone may be at risk now: an immediate-risk safeguarding concern or a risk flag. One per cause,
 * on the feed of each recipient (the responsible supervisor, the duty coordinator), acknowledged once by any of them.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Schema(name = "AlertKind", description = """
            IMMEDIATE_RISK_CONCERN: a safeguarding concern raised as an immediate risk. RISK_FLAG: an answer to an \
            outcome measure that is a risk signal (PHQ-9 item 9 above 0).""")
    public enum Kind { IMMEDIATE_RISK_CONCERN, RISK_FLAG }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public UUID concernId;
    public UUID riskFlagId;
    public UUID referralId;
    public UUID peerId;
    public OffsetDateTime raisedAt;
    /** The first deadline: unacknowledged after it, the alert escalates. */
    public OffsetDateTime acknowledgeBy;
    /** When it next escalates; null once acknowledged, or when the escalation list is used up. */
    public OffsetDateTime escalateAt;
    /** How many contacts of the escalation list it has reached. */
    public int escalationLevel;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;
}
