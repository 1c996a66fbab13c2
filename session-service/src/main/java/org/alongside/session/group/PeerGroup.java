package org.alongside.session.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A standing peer support group. */
@Entity
@Table(name = "peer_group")
public class PeerGroup extends PanacheEntityBase {

    @Schema(name = "GroupLeadership", description = """
            PEER_LED: run by peer workers. CO_FACILITATED: peers and professionals together. PROFESSIONALLY_LED: run \
            by a professional, peers may join as facilitators.""")
    public enum Leadership { PEER_LED, CO_FACILITATED, PROFESSIONALLY_LED }

    @Id
    public UUID id;
    public String name;
    public String focus;
    @Enumerated(EnumType.STRING)
    public Leadership leadership;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<UUID> facilitators;
    public int capacity;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public String updatedBy;
}
