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
import org.alongside.session.recording.Session;
import org.alongside.session.vocabulary.Focus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One meeting of a group. */
@Entity
@Table(name = "group_meeting")
public class GroupMeeting extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID groupId;
    public OffsetDateTime startedAt;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public Session.Medium medium;
    @Enumerated(EnumType.STRING)
    public Session.PlaceType placeType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Focus> focus;
    public OffsetDateTime recordedAt;
    public String recordedBy;
    public String idempotencyKey;
}
