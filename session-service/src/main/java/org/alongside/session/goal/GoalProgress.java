package org.alongside.session.goal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A point on a goal's way: its status then, and how the person rated their progress (1-10), if they did. */
@Entity
@Table(name = "goal_progress")
public class GoalProgress extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID goalId;
    @Enumerated(EnumType.STRING)
    public Goal.Status status;
    public Integer rating;
    public UUID sessionId;
    public OffsetDateTime recordedAt;
    public String recordedBy;
}
