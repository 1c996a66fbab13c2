package org.alongside.session.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.session.recording.Session;

/** One member's attendance at one meeting; its id is the sessionId its session.recorded events carry. */
@Entity
@Table(name = "group_attendance")
public class GroupAttendance extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID meetingId;
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Session.Attendance attendance;
    public int version;
    public OffsetDateTime recordedAt;
    public String recordedBy;
}
