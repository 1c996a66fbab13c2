package org.alongside.session.goal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the person's own goals, in their own words: part of their wellness plan. */
@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    @Schema(name = "GoalStatus", description = """
            NOT_STARTED, IN_PROGRESS, ACHIEVED. CHANGED: the person set this goal aside for a different one \
            (recorded as a new goal); a changed goal takes no further progress.""")
    public enum Status { NOT_STARTED, IN_PROGRESS, ACHIEVED, CHANGED }

    @Id
    public UUID id;
    public UUID referralId;
    public String text;
    @Enumerated(EnumType.STRING)
    public Focus focus;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID sessionId;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime updatedAt;
}
