package org.alongside.matching.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.platform.events.support.Faith;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * Matching's copy of an accepted referral, from its {@code referral.accepted} event: what the person needs and
 * prefers, kept so the referral can be matched again later. Never who the person is.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public MatchingStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Condition> conditions;
    @Enumerated(EnumType.STRING)
    public Gender peerGender;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Setting> settings;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Medium> media;
    public Boolean sharedCondition;
    public Boolean sharedCultureOrLanguage;
    public String language;
    public boolean interpreterNeeded;
    public String locality;
    /** Self-described, from referral.accepted version 1 only; version 2 carries ethnicity and faith instead. */
    public String culture;
    public String ethnicity;
    @Enumerated(EnumType.STRING)
    public Faith faith;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Slot> availability;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> experiences;
    public String waitingReason;
    public OffsetDateTime waitingSince;
    public UUID matchedPeerId;
    public OffsetDateTime acceptedAt;
    public OffsetDateTime endedAt;
    public String endReason;
    public OffsetDateTime updatedAt;
    /** The retention period ran out: needs, preferences and notes were erased. */
    public OffsetDateTime erasedAt;

    /** Still to be matched, or matched: the referral has not ended in matching. */
    boolean isOpen() {
        return status == MatchingStatus.WAITING || status == MatchingStatus.PROPOSED || status == MatchingStatus.MATCHED;
    }

    /** The person's needs, ruling out the peers a coordinator ruled out and those proposed before. */
    public Scorer.Needs needs(Set<UUID> doNotMatch, Set<UUID> proposedBefore, boolean countOfferedPlaces) {
        return new Scorer.Needs(conditions, peerGender, new HashSet<>(settings), new HashSet<>(media), language,
                interpreterNeeded, sharedCondition, sharedCultureOrLanguage, locality, culture, ethnicity, faith,
                new HashSet<>(availability), new HashSet<>(experiences), doNotMatch, proposedBefore,
                countOfferedPlaces);
    }
}
