package org.alongside.matching.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One batch assignment: who asked, what it had to work with, and how well it did. */
@Entity
@Table(name = "assignment_run")
public class AssignmentRun extends PanacheEntityBase {

    @Id
    public UUID id;
    public String requestedBy;
    public OffsetDateTime ranAt;
    public int referrals;
    public int peersWithPlaces;
    public int places;
    public long candidatePairs;
    public int assigned;
    public int newProposals;
    public long totalScore;
    public long solveMillis;
}
