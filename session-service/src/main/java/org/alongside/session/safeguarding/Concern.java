package org.alongside.session.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A safeguarding concern about a person, from raising to the action taken. */
@Entity
@Table(name = "safeguarding_concern")
public class Concern extends PanacheEntityBase {

    @Schema(name = "SafeguardingCategory", description = """
            The kind of concern (after the Care Act 2014 categories). SELF_HARM_OR_SUICIDE_RISK: the person may \
            harm themselves. OTHER: anything else that worries the peer.""")
    public enum Category {
        SELF_NEGLECT, ABUSE_OR_NEGLECT, DOMESTIC_ABUSE, SELF_HARM_OR_SUICIDE_RISK, FINANCIAL_ABUSE, OTHER
    }

    @Schema(name = "SafeguardingStatus", description = """
            OPEN: raised, waiting to be acknowledged. ACKNOWLEDGED: a supervisor or coordinator has taken it on. \
            CLOSED: dealt with; the action taken is recorded.""")
    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String description;
    public boolean immediateRisk;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime raisedAt;
    public String raisedBy;
    public OffsetDateTime acknowledgeBy;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;
    public OffsetDateTime closedAt;
    public String closedBy;
    public String actionTaken;

    /** A supervisor or coordinator takes the concern on; only an OPEN one (409 otherwise). */
    void acknowledge(String by, OffsetDateTime at) {
        SafeguardingRules.checkCanAcknowledge(this);
        status = Status.ACKNOWLEDGED;
        acknowledgedAt = at;
        acknowledgedBy = by;
    }

    /** Dealt with, and what was done; only once acknowledged, and only once (409 otherwise). */
    void close(String action, String by, OffsetDateTime at) {
        SafeguardingRules.checkCanClose(this);
        status = Status.CLOSED;
        closedAt = at;
        closedBy = by;
        actionTaken = action.strip();
    }
}
