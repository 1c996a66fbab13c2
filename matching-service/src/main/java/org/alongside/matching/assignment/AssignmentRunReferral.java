package org.alongside.matching.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A referral an assignment run considered: the proposal it assigned (new or already open), or why it has none. */
@Entity
@Table(name = "assignment_run_referral")
@IdClass(AssignmentRunReferral.Key.class)
public class AssignmentRunReferral extends PanacheEntityBase {

    @Id
    public UUID runId;
    @Id
    public UUID referralId;
    public OffsetDateTime waitingSince;
    public UUID proposalId;
    public boolean proposedByRun;
    public String reason;

    public static class Key implements Serializable {

        public UUID runId;
        public UUID referralId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(runId, key.runId)
                    && Objects.equals(referralId, key.referralId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, referralId);
        }
    }
}
