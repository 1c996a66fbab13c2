package org.alongside.matching.peers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.events.support.Faith;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A peer worker's profile: the lived experience they bring, how and when they support people, and their capacity. */
@Entity
@Table(name = "peer")
public class Peer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String displayName;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Condition> livedExperience;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> experiences;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    /** In the peer's own words; matching uses {@link #gender}. */
    public String genderIdentity;
    public String ageBand;
    /** Self-described; matched with a person's culture from referral events of the first version. */
    public String culture;
    /** NHS ethnic category code ({@link org.alongside.platform.events.support.EthnicCategory}). */
    public String ethnicity;
    @Enumerated(EnumType.STRING)
    public Faith faith;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> languages;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Setting> settings;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Medium> media;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> localities;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Slot> availability;
    public int capacity;
    /** Never written from the entity: only {@link Peers#takePlace} and {@link Peers#freePlace} change it, in the database. */
    @Column(updatable = false)
    public int activeClients;
    @Enumerated(EnumType.STRING)
    public PeerStatus status;
    /** status == ACTIVE, kept for the API's first shape (and in step in the database by a trigger). */
    public boolean active;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Training training;
    /**
     * The supervisor's token subject, as session-service last assigned it ({@code supervisor.assigned}); never written
     * through this service's API.
     */
    public String supervisor;
    /** When the assignment applied was made: an older one arriving later does not replace it. */
    public OffsetDateTime supervisorAssignedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Boundaries boundaries;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** The display names of these peers, by id. */
    public static Map<UUID, String> displayNames(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : Peer.<Peer>list("id in ?1", Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.displayName));
    }
}
