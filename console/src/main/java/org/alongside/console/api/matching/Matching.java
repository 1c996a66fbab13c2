package org.alongside.console.api.matching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the console reads from and sends to matching-service. Codes are kept as strings. */
public final class Matching {

    private Matching() {
    }

    public static final List<String> DECLINE_REASONS = List.of("PERSON_DECLINED", "PEER_DECLINED",
            "CONFLICT_OF_INTEREST", "NOT_A_GOOD_FIT", "OTHER");
    public static final List<String> PEER_STATUSES = List.of("ACTIVE", "ON_LEAVE", "LEFT");
    public static final List<String> TRANSFER_REASONS = List.of("PEER_LEFT", "PEER_ON_LEAVE", "PERSON_ASKED", "OTHER");

    public record ReferralProposals(UUID referralId, String status, String waitingReason,
            OffsetDateTime waitingSince, List<Proposal> proposals) {

        /** The proposals still open, best first. */
        public List<Proposal> open() {
            return proposals == null ? List.of() : proposals.stream().filter(Proposal::open).toList();
        }

        public List<Proposal> decided() {
            return proposals == null ? List.of() : proposals.stream().filter(p -> !p.open()).toList();
        }
    }

    public record Proposal(UUID id, UUID referralId, UUID peerId, String peerDisplayName, int rank, int score,
            List<Reason> reasons, String status, OffsetDateTime proposedAt, OffsetDateTime decidedAt,
            String declineReason) {

        public boolean open() {
            return "PROPOSED".equals(status);
        }
    }

    public record Reason(String factor, String detail, int points) {
    }

    public record ProposalDecline(String reason, String note) {
    }

    public record WaitingList(List<WaitingReferral> items, int page, int size, long total) {
    }

    public record WaitingReferral(UUID referralId, OffsetDateTime acceptedAt, OffsetDateTime waitingSince,
            String waitingReason, List<NeededCondition> conditions, List<String> settings, List<String> media,
            String peerGender,
            String language, boolean interpreterNeeded, String locality) {
    }

    public record NeededCondition(String snomedCode, String display, String kind, String group) {
    }

    public record AssignmentRun(UUID id, String requestedBy, OffsetDateTime ranAt, int referrals, int peersWithPlaces,
            int places, long candidatePairs, int assigned, int newProposals, long totalScore,
            List<Assigned> proposals, List<Unassigned> unassigned) {
    }

    public record Assigned(UUID proposalId, UUID referralId, OffsetDateTime waitingSince, UUID peerId,
            String peerDisplayName, int score, List<Reason> reasons, String status, boolean proposedByRun) {

        public boolean open() {
            return "PROPOSED".equals(status);
        }
    }

    public record Unassigned(UUID referralId, OffsetDateTime waitingSince, String status, String reason) {
    }

    public record PeerList(List<Peer> items, int page, int size, long total) {
    }

    public record Peer(UUID id, String displayName, List<LivedExperience> livedExperience, List<String> experiences,
            String gender, String ageBand, String culture, List<String> languages, List<String> settings,
            List<String> media, List<String> localities, int capacity, int activeClients, String status,
            boolean active, String supervisor) {

        public int freePlaces() {
            return Math.max(0, capacity - activeClients);
        }
    }

    /** Someone a peer supports now: whom to transfer when the peer leaves or goes on leave. */
    public record CurrentPerson(UUID referralId, OffsetDateTime since) {
    }

    public record CurrentPeople(List<CurrentPerson> items, int page, int size, long total) {
    }

    /** One peer the person had: from when, and until when and why once it ended. */
    public record MatchRecord(UUID proposalId, UUID peerId, String peerDisplayName, OffsetDateTime startedAt,
            OffsetDateTime endedAt, String endReason, String endDetail) {
    }

    public record Matches(List<MatchRecord> items, int page, int size, long total) {
    }

    public record Transfer(String reason, UUID peerId) {
    }

    public record LivedExperience(String snomedCode, String display, String kind, String period, String group) {
    }
}
