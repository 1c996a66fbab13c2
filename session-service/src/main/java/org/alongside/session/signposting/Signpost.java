package org.alongside.session.signposting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A community resource the person was linked to, and whether they took it up. */
@Entity
@Table(name = "signposting")
public class Signpost extends PanacheEntityBase {

    @Schema(name = "ResourceCategory", description = "The kind of community resource")
    public enum Category {
        PHYSICAL_ACTIVITY, CONDITION_SUPPORT_GROUP, PEER_SUPPORT_GROUP, ARTS_AND_CREATIVITY, BEFRIENDING_AND_SOCIAL,
        NATURE_AND_GARDENING, HEALTHY_EATING, MENTAL_HEALTH_SERVICE, WELFARE_BENEFITS_AND_MONEY, HOUSING,
        EMPLOYMENT_AND_VOLUNTEERING, LEARNING_AND_SKILLS, CARERS_SUPPORT, FAITH_AND_CULTURAL_COMMUNITY,
        TRANSPORT_AND_ACCESS, OTHER
    }

    @Schema(name = "TakeUp", description = "Whether the person took the resource up: NOT_KNOWN until someone finds out")
    public enum TakeUp { NOT_KNOWN, TAKEN_UP, NOT_TAKEN_UP }

    @Id
    public UUID id;
    public UUID referralId;
    public UUID sessionId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String orukServiceId;
    @Enumerated(EnumType.STRING)
    public TakeUp takeUp;
    public OffsetDateTime signpostedAt;
    public String recordedBy;
    public OffsetDateTime takeUpUpdatedAt;
    public String takeUpUpdatedBy;
}
