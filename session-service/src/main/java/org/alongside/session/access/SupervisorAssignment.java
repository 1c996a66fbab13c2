package org.alongside.session.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supervisor (by token subject) assigned to a peer worker; current until a new assignment ends it. */
@Entity
@Table(name = "supervisor_assignment")
public class SupervisorAssignment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID peerId;
    public String supervisorId;
    public OffsetDateTime assignedAt;
    public String assignedBy;
    public OffsetDateTime endedAt;
}
