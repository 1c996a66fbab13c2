package org.alongside.session.recording;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.vocabulary.Focus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A session as it stood at one version: the audit trail of recordings, edits and corrections. Never changed. */
@Entity
@Table(name = "support_session_version")
public class SessionVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sessionId;
    public int version;
    public OffsetDateTime startedAt;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public Session.Medium medium;
    @Enumerated(EnumType.STRING)
    public Session.PlaceType placeType;
    @Enumerated(EnumType.STRING)
    public Session.Attendance attendance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Focus> focus;
    public String notes;
    public Boolean sharedLivedExperience;
    public OffsetDateTime nextSessionAt;
    @Enumerated(EnumType.STRING)
    public Session.Status status;
    public String changeReason;
    public OffsetDateTime recordedAt;
    public String recordedBy;

    static SessionVersion of(Session s, String changeReason) {
        SessionVersion v = new SessionVersion();
        v.id = UUID.randomUUID();
        v.sessionId = s.id;
        v.version = s.version;
        v.startedAt = s.startedAt;
        v.durationMinutes = s.durationMinutes;
        v.medium = s.medium;
        v.placeType = s.placeType;
        v.attendance = s.attendance;
        v.focus = s.focus;
        v.notes = s.notes;
        v.sharedLivedExperience = s.sharedLivedExperience;
        v.nextSessionAt = s.nextSessionAt;
        v.status = s.status;
        v.changeReason = changeReason;
        v.recordedAt = s.recordedAt;
        v.recordedBy = s.recordedBy;
        return v;
    }
}
