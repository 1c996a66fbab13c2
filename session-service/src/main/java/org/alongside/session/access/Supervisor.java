package org.alongside.session.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A supervisor as this service, the owner of supervision, registers them: known by their token subject everywhere,
 * with the name and email alerts reach them by. Only an active one may be assigned to peers.
 */
@Entity
@Table(name = "supervisor")
public class Supervisor extends PanacheEntityBase {

    @Id
    public String subject;
    public String displayName;
    /** Where safeguarding alerts are sent; absent only for supervisors registered from earlier assignments. */
    public String email;
    public boolean active;
    public OffsetDateTime updatedAt;
    public String updatedBy;
}
