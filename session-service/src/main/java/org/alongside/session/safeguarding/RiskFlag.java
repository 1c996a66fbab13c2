package org.alongside.session.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A risk flag from outcomes-service (an answer that is a risk signal, PHQ-9 item 9 above 0), worked here beside the
 * safeguarding concerns: acknowledged, then closed with the action taken. Which item of which measurement, never the
 * answer.
 */
@Entity
@Table(name = "risk_flag")
public class RiskFlag extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID measurementId;
    public String instrument;
    public int item;
    public UUID referralId;
    /** The peer supporting the person when the flag came in; their supervisor is responsible. */
    public UUID peerId;
    public OffsetDateTime raisedAt;
    public OffsetDateTime acknowledgeBy;
    @Enumerated(EnumType.STRING)
    public Concern.Status status;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;
    public OffsetDateTime closedAt;
    public String closedBy;
    public String actionTaken;
}
