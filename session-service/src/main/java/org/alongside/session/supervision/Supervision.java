package org.alongside.session.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A supervision session a supervisor held with a peer worker. */
@Entity
@Table(name = "supervision")
public class Supervision extends PanacheEntityBase {

    @Schema(name = "SupervisionTopic", description = "What the supervision covered.")
    public enum Topic {
        CASELOAD_REVIEW, SAFEGUARDING, BOUNDARIES, SHARING_LIVED_EXPERIENCE, WELLBEING_AND_SELF_CARE,
        TRAINING_AND_DEVELOPMENT, TEAM_AND_ORGANISATION, OTHER
    }

    @Schema(name = "PeerWellbeing", description = """
            The wellbeing check: how the peer worker is. Peer work draws on the peer's own experience, so it can \
            stir up their own; STRUGGLING or NEEDS_SUPPORT_NOW should lead to an action.""")
    public enum Wellbeing { THRIVING, COPING, STRUGGLING, NEEDS_SUPPORT_NOW }

    @Schema(name = "SupervisionAction", description = "Something agreed in supervision, with an optional due date")
    public record Action(String description, LocalDate dueBy) {
    }

    @Id
    public UUID id;
    public UUID peerId;
    public String supervisorId;
    public OffsetDateTime heldAt;
    public Integer durationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Topic> topics;
    @Enumerated(EnumType.STRING)
    public Wellbeing wellbeing;
    public String wellbeingNotes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Action> actions;
    public OffsetDateTime recordedAt;
    public String recordedBy;
}
