package org.alongside.session.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;

/** Access rules that need no database. */
public final class AccessRules {

    private AccessRules() {
    }

    /**
     * Free text about a person's support (session notes, what a safeguarding concern describes) is for the peer
     * who works with them, that peer's supervisor, and coordinators. Admins run the system; they do not read it.
     *
     * @param coordinator the caller is a coordinator
     * @param peerWorker the caller's own peer id, when the caller is a peer worker
     * @param supervisesPeer the caller is the supervisor assigned to {@code recordPeer}
     * @param recordPeer the peer the record belongs to (may be null: then only coordinators)
     */
    public static boolean mayReadRestricted(boolean coordinator, Optional<UUID> peerWorker, boolean supervisesPeer,
            UUID recordPeer) {
        if (coordinator) {
            return true;
        }
        if (recordPeer == null) {
            return false;
        }
        return supervisesPeer || peerWorker.map(recordPeer::equals).orElse(false);
    }

    /** Out of scope looks like absent: a peer worker cannot learn which referrals exist. */
    public static ProblemException notYourClient(UUID referralId) {
        return new ProblemException(404, "not-found", "Not found",
                "referral " + referralId + " is not one of your clients", List.of());
    }
}
