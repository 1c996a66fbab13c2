package org.alongside.console.api.matching;

import static org.alongside.console.api.ServiceCalls.call;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The console's one way to matching-service. */
@ApplicationScoped
public class MatchingClient {

    public static final String SERVICE = "Matching";

    private final MatchingApi api;

    MatchingClient(@RestClient MatchingApi api) {
        this.api = api;
    }

    /** Empty until matching-service has heard that the referral was accepted (it answers 404 until then). */
    public Optional<Matching.ReferralProposals> proposals(UUID referralId) {
        try {
            return Optional.of(call(SERVICE, () -> api.proposals(referralId)));
        } catch (ServiceRefused e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Matching.Proposal accept(UUID proposalId) {
        return call(SERVICE, () -> api.accept(proposalId));
    }

    public Matching.Proposal decline(UUID proposalId, Matching.ProposalDecline decline) {
        return call(SERVICE, () -> api.decline(proposalId, decline));
    }

    public Matching.WaitingList waiting(int page, int size) {
        return call(SERVICE, () -> api.waiting(page, size));
    }

    public Matching.AssignmentRun runAssignment() {
        return call(SERVICE, api::runAssignment);
    }

    public Matching.AssignmentRun assignmentRun(UUID id) {
        return call(SERVICE, () -> api.assignmentRun(id));
    }

    /** Peers by display name; a supervisor gets only the peers they supervise. */
    public Matching.PeerList peers(String status, int page, int size) {
        return call(SERVICE, () -> api.peers(status == null || status.isBlank() ? null : status, page, size));
    }

    public Matching.Peer peer(UUID id) {
        return call(SERVICE, () -> api.peer(id));
    }

    /**
     * Sets a peer's status (ACTIVE, ON_LEAVE, LEFT) and places, and only those: a merge patch of the profile. The
     * service refuses places below the peer's current people (409, field capacity), and a blank one names the field.
     */
    public Matching.Peer changeStatus(UUID peerId, String status, Integer capacity) {
        String patch = JsonNodeFactory.instance.objectNode().put("status", status).put("capacity", capacity)
                .toString();
        return call(SERVICE, () -> api.change(peerId, patch));
    }

    /** The people a peer supports now, longest matched first (a peer's capacity is far below 200). */
    public List<Matching.CurrentPerson> people(UUID peerId) {
        return call(SERVICE, () -> api.people(peerId, 200).items());
    }

    /** Every peer the person had, first first; empty until matching has heard of the referral. */
    public List<Matching.MatchRecord> matches(UUID referralId) {
        try {
            return call(SERVICE, () -> api.matches(referralId, 200).items());
        } catch (ServiceRefused e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** Ends the current match and moves the person to the named peer, or to fresh proposals without one. */
    public Matching.ReferralProposals transfer(UUID referralId, Matching.Transfer transfer) {
        return call(SERVICE, () -> api.transfer(referralId, transfer));
    }
}
