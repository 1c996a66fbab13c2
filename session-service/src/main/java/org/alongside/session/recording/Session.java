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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One contact, or missed contact, between a peer worker and the person they support: its current version. */
@Entity
@Table(name = "support_session")
public class Session extends PanacheEntityBase {

    @Schema(name = "Medium", description = "How the peer and the person met. ONLINE_TEXT: chat or messaging.")
    public enum Medium { IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT }

    @Schema(description = """
            ATTENDED: the session took place. DID_NOT_ATTEND: the person did not come and gave no notice.
            CANCELLED_BY_CLIENT / CANCELLED_BY_PEER: called off in advance by the person / by the peer worker.""")
    public enum Attendance { ATTENDED, DID_NOT_ATTEND, CANCELLED_BY_CLIENT, CANCELLED_BY_PEER }

    @Schema(description = "Where an in-person session took place")
    public enum PlaceType { HOME, COMMUNITY_VENUE, GP_SURGERY, HOSPITAL_WARD, CLINIC }

    @Schema(name = "SessionStatus", description = """
            RECORDED: counts. ENTERED_IN_ERROR: recorded by mistake (wrong person, never happened); kept for the \
            audit trail but not counted.""")
    public enum Status { RECORDED, ENTERED_IN_ERROR }

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public UUID matchId;
    public OffsetDateTime startedAt;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public Medium medium;
    @Enumerated(EnumType.STRING)
    public PlaceType placeType;
    @Enumerated(EnumType.STRING)
    public Attendance attendance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Focus> focus;
    public String notes;
    public Boolean sharedLivedExperience;
    public OffsetDateTime nextSessionAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** 1 when first recorded; each edit or correction adds one. */
    public int version;
    public OffsetDateTime firstRecordedAt;
    /** When and by whom this version was recorded. */
    public OffsetDateTime recordedAt;
    public String recordedBy;
    public String enteredInErrorReason;
    public String idempotencyKey;
}
