package org.alongside.outcomes.measures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/**
 * Whose outcomes a caller may record and read. A referral is known once {@code referral.received} or
 * {@code referral.accepted} reached the read model ({@code referral_fact}, read here and never written); a peer
 * worker's scope is the referrals they are matched with. Outside scope looks the same as absent.
 */
@ApplicationScoped
public class ReferralAccess {

    private static final String KNOWN = """
            SELECT 1 FROM referral_fact
            WHERE referral_id = ? AND (received_at IS NOT NULL OR accepted_at IS NOT NULL)""";

    private final AgroalDataSource dataSource;
    private final PeerAssignments assignments;

    ReferralAccess(AgroalDataSource dataSource, PeerAssignments assignments) {
        this.dataSource = dataSource;
        this.assignments = assignments;
    }

    /**
     * A peer worker may record only for their own clients (404 otherwise, naming the field); anyone may record
     * only for a referral this service has heard of (400 naming the field).
     */
    public void requireRecordable(UUID referralId, Caller caller) {
        if (peerOnly(caller) && !matched(referralId, caller)) {
            throw new ProblemException(404, "not-found", "Not found", "Referral " + referralId + " was not found",
                    List.of(new Problem.FieldError("referralId", "is not a referral you support")));
        }
        if (!known(referralId)) {
            throw ProblemException.invalid("referralId", "no referral " + referralId + " is known to outcomes-service "
                    + "(it learns of referrals from referral.received and referral.accepted)");
        }
    }

    /**
     * Coordinators and admins read any known referral's outcomes; a peer worker their clients'. Supervisors are not
     * let in: this service does not know whom they supervise, so it could not keep them to their supervisees (they
     * get every risk flag, which safety needs, and their supervisees' work in session-service).
     */
    public void requireReadable(UUID referralId, Caller caller) {
        if (!readable(referralId, caller)) {
            throw ProblemException.notFound("Referral", referralId);
        }
    }

    public boolean readable(UUID referralId, Caller caller) {
        return (!peerOnly(caller) || matched(referralId, caller)) && known(referralId);
    }

    private static boolean peerOnly(Caller caller) {
        return caller.is(Roles.PEER_WORKER)
                && !(caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN));
    }

    private boolean matched(UUID referralId, Caller caller) {
        return caller.peerId().isPresent() && assignments.peerOf(referralId).equals(caller.peerId());
    }

    private boolean known(UUID referralId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(KNOWN)) {
            query.setObject(1, referralId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look referral " + referralId + " up", e);
        }
    }
}
