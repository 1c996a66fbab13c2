package org.alongside.session.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.session.match.Matches;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what they may see. Peer workers see the referrals matched to them now; supervisors the
 * referrals that a peer they supervise supports or supported; coordinators and admins every referral's records. Free
 * text only as {@link AccessRules} allows. A supervisor is known by their token's subject ({@code sub});
 * {@code PUT /peers/{peerId}/supervisor} names the peers they supervise. Out of scope is 404, as if absent.
 */
@RequestScoped
public class Access {

    private final Caller caller;
    private final JsonWebToken token;
    private final Matches matches;
    private final Supervisors supervisors;
    private List<UUID> supervised;

    Access(Caller caller, JsonWebToken token, Matches matches, Supervisors supervisors) {
        this.caller = caller;
        this.token = token;
        this.matches = matches;
        this.supervisors = supervisors;
    }

    /** Coordinators and admins act for any peer. */
    public boolean isCoordinatorOrAdmin() {
        return caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN);
    }

    public boolean isCoordinator() {
        return caller.is(Roles.COORDINATOR);
    }

    public boolean isSupervisor() {
        return caller.is(Roles.SUPERVISOR);
    }

    /** Staff who oversee records (within their scope: a supervisor only their peers' work; never all free text). */
    public boolean isStaff() {
        return isCoordinatorOrAdmin() || isSupervisor();
    }

    /** The peers the calling supervisor supervises now (empty for anyone else); read once per request. */
    public List<UUID> supervisedPeers() {
        if (supervised == null) {
            supervised = isSupervisor() ? supervisors.peersOf(subject()) : List.of();
        }
        return supervised;
    }

    /**
     * Whether the caller oversees this peer's work: coordinators and admins every peer's, a supervisor the peers
     * assigned to them, a peer worker their own.
     */
    public boolean overseesPeer(UUID peerId) {
        if (isCoordinatorOrAdmin()) {
            return true;
        }
        if (isSupervisor() && supervisedPeers().contains(peerId)) {
            return true;
        }
        return peerWorker().map(peerId::equals).orElse(false);
    }

    /** The caller's own peer id when they are a peer worker whose token carries one. */
    public Optional<UUID> peerWorker() {
        return caller.is(Roles.PEER_WORKER) ? caller.peerId() : Optional.empty();
    }

    /**
     * The peer profile a peer worker acts as; empty for coordinators and admins, who act for any peer. A peer
     * worker's token without its peer profile may do nothing (403).
     */
    public Optional<UUID> actingPeer() {
        if (isCoordinatorOrAdmin()) {
            return Optional.empty();
        }
        return Optional.of(caller.peerId().orElseThrow(() -> ProblemException.forbidden(
                "A peer worker's token must carry the peerId of their peer profile")));
    }

    /** Who did it, as recorded in the audit fields. */
    public String user() {
        return caller.user();
    }

    /** The caller's stable identity: the token's subject; a supervisor is assigned to peers by it. */
    public String subject() {
        String subject = token == null ? null : token.getSubject();
        return subject == null || subject.isBlank() ? caller.user() : subject;
    }

    /** Whether the caller may see the records of this referral. */
    public boolean seesReferral(UUID referralId) {
        if (isCoordinatorOrAdmin()) {
            return true;
        }
        if (isSupervisor() && matches.everMatchedWith(referralId, supervisedPeers())) {
            return true;
        }
        Optional<UUID> own = peerWorker();
        return own.isPresent() && matches.active(referralId).map(m -> m.peerId.equals(own.get())).orElse(false);
    }

    /** Throws 404 unless the caller may see the records of this referral. */
    public void requireReferral(UUID referralId) {
        if (!seesReferral(referralId)) {
            throw AccessRules.notYourClient(referralId);
        }
    }

    /**
     * Throws 404 unless the caller may add to this referral's record: a peer worker for their current clients;
     * coordinators and admins for any referral this service has heard of (so a mistyped id records nothing).
     */
    public void requireWritableReferral(UUID referralId) {
        if (actingPeer().isPresent()) {
            requireReferral(referralId);
        } else if (matches.referral(referralId).isEmpty()) {
            throw ProblemException.notFound("Referral", referralId);
        }
    }

    /** The peer who supports the referral now, if it has one. */
    public Optional<UUID> peerOf(UUID referralId) {
        return matches.active(referralId).map(m -> m.peerId);
    }

    /** The caller is a supervisor, and the one assigned to this peer. */
    public boolean supervises(UUID peerId) {
        return peerId != null && isSupervisor()
                && supervisors.supervisorOf(peerId).map(subject()::equals).orElse(false);
    }

    /**
     * Whether the caller works the safeguarding (concerns, risk flags) of this peer's people: coordinators and admins
     * everyone's; a supervisor their own peers', and those of peers without a supervisor (or of no peer), so that
     * nothing waits unseen.
     */
    public boolean safeguards(UUID peerId) {
        if (isCoordinatorOrAdmin()) {
            return true;
        }
        return isSupervisor() && (peerId == null || supervisors.supervisorOf(peerId).map(subject()::equals)
                .orElse(true));
    }

    /** Whether the caller may read the free text of a record that belongs to this peer's work. */
    public boolean mayReadRestricted(UUID recordPeer) {
        return AccessRules.mayReadRestricted(isCoordinator(), peerWorker(), supervises(recordPeer), recordPeer);
    }

    /**
     * As {@link #mayReadRestricted(UUID)}, for a session filed under {@code matchId}: when the person was transferred
     * to another peer, their history goes with them, so the peer supporting them now reads the earlier peer's notes.
     */
    public boolean mayReadRestricted(UUID recordPeer, UUID referralId, UUID matchId) {
        if (mayReadRestricted(recordPeer)) {
            return true;
        }
        Optional<UUID> own = peerWorker();
        return own.isPresent() && matchId != null && matches.transferred(matchId)
                && matches.active(referralId).map(m -> m.peerId.equals(own.get())).orElse(false);
    }
}
