package org.alongside.referral.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A safeguarding concern session-service raised about a person, as far as access to their identity needs it: who
 * is responsible and whether it is still open. What happened stays in session-service.
 */
@Entity
@Table(name = "safeguarding_concern")
public class OpenConcern extends PanacheEntityBase {

    @Id
    public UUID concernId;
    public UUID referralId;
    /** The responsible supervisor's token subject; null when the peer has none (the duty coordinator is). */
    public String supervisor;
    public OffsetDateTime raisedAt;
    public OffsetDateTime closedAt;
}
