package org.alongside.console.api.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the console reads from and sends to session-service. Codes are kept as strings. */
public final class Sessions {

    private Sessions() {
    }

    /** One page of a session-service list ({items, page, size, total}). */
    public record Listed<T>(List<T> items, int page, int size, long total) {
    }

    public static final List<String> MEDIA = List.of("IN_PERSON", "TELEPHONE", "VIDEO", "ONLINE_TEXT");
    public static final List<String> ATTENDANCE = List.of("ATTENDED", "DID_NOT_ATTEND", "CANCELLED_BY_CLIENT",
            "CANCELLED_BY_PEER");
    public static final List<String> FOCUS = List.of("DAILY_MANAGEMENT", "EMOTIONAL_SUPPORT", "COMMUNITY_CONNECTION",
            "ONGOING_SUPPORT");
    public static final List<String> GOAL_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "CHANGED");
    public static final List<String> CONCERN_CATEGORIES = List.of("SELF_NEGLECT", "ABUSE_OR_NEGLECT",
            "DOMESTIC_ABUSE", "SELF_HARM_OR_SUICIDE_RISK", "FINANCIAL_ABUSE", "OTHER");
    public static final List<String> SIGNPOST_CATEGORIES = List.of("PHYSICAL_ACTIVITY", "CONDITION_SUPPORT_GROUP",
            "PEER_SUPPORT_GROUP", "ARTS_AND_CREATIVITY", "BEFRIENDING_AND_SOCIAL", "NATURE_AND_GARDENING",
            "HEALTHY_EATING", "MENTAL_HEALTH_SERVICE", "WELFARE_BENEFITS_AND_MONEY", "HOUSING",
            "EMPLOYMENT_AND_VOLUNTEERING", "LEARNING_AND_SKILLS", "CARERS_SUPPORT", "FAITH_AND_CULTURAL_COMMUNITY",
            "TRANSPORT_AND_ACCESS", "OTHER");
    public static final List<String> SUPERVISION_TOPICS = List.of("CASELOAD_REVIEW", "SAFEGUARDING", "BOUNDARIES",
            "SHARING_LIVED_EXPERIENCE", "WELLBEING_AND_SELF_CARE", "TRAINING_AND_DEVELOPMENT",
            "TEAM_AND_ORGANISATION", "OTHER");
    public static final List<String> WELLBEING = List.of("THRIVING", "COPING", "STRUGGLING", "NEEDS_SUPPORT_NOW");

    /** namesAvailable false: referral-service did not answer, so the people are listed without their names. */
    public record Caseload(UUID peerId, int noContactDays, long flagged, boolean namesAvailable,
            List<Client> clients) {
    }

    /** A peer's caseload in figures, counted as the caseload counts them; no names. */
    public record CaseloadSummary(UUID peerId, long clients, long outOfContact, int noContactDays,
            long nextSessionsOverdue, OffsetDateTime nextSessionAt, long openSafeguardingConcerns) {
    }

    /** Who the person is and how they prefer to be reached, as the peer's scope allows (null when not shown). */
    public record CaseloadPerson(String givenName, String familyName, String preferredContact, String phone,
            String email) {
    }

    public record Client(UUID referralId, CaseloadPerson person, OffsetDateTime matchedAt, LastSession lastSession,
            OffsetDateTime lastContactAt, long daysSinceLastContact, boolean noContactFlag,
            OffsetDateTime nextSessionAt, boolean nextSessionOverdue, long openGoals, long openSafeguardingConcerns) {

        public String name() {
            return person == null || person.givenName() == null ? "Name unavailable"
                    : person.givenName() + " " + person.familyName();
        }
    }

    public record LastSession(UUID sessionId, OffsetDateTime startedAt, String attendance, String medium) {
    }

    public record Session(UUID id, UUID referralId, UUID peerId, OffsetDateTime startedAt, int durationMinutes,
            String medium, String attendance, List<String> focus, String notes, String status,
            List<Signpost> signposting, List<UUID> safeguardingConcernIds) {
    }

    public record NewSession(UUID referralId, UUID peerId, OffsetDateTime startedAt, Integer durationMinutes,
            String medium, String attendance, List<String> focus, String notes, List<NewSignpost> signposting,
            ConcernDetails safeguardingConcern, List<GoalProgress> goalProgress) {
    }

    public record NewSignpost(String name, String category) {
    }

    public record ConcernDetails(String category, String description, Boolean immediateRisk) {
    }

    public record GoalProgress(UUID goalId, Integer rating, String status) {
    }

    public record Goal(UUID id, UUID referralId, String text, String focus, String status, Integer latestRating,
            OffsetDateTime createdAt, List<Step> progress) {
    }

    public record Step(String status, Integer rating, UUID sessionId, OffsetDateTime recordedAt) {
    }

    public record NewGoal(String text, String focus, Integer rating) {
    }

    public record Signpost(UUID id, UUID referralId, UUID sessionId, String name, String category, String takeUp,
            OffsetDateTime signpostedAt) {
    }

    public record Concern(UUID id, UUID referralId, UUID peerId, UUID sessionId, String category, String description,
            boolean immediateRisk, String status, OffsetDateTime raisedAt, String raisedBy,
            OffsetDateTime acknowledgeBy, boolean overdue, boolean acknowledgedLate, OffsetDateTime acknowledgedAt,
            String acknowledgedBy, OffsetDateTime closedAt, String actionTaken) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean acknowledged() {
            return "ACKNOWLEDGED".equals(status);
        }
    }

    /** One line of the supervisor's worklist: a safeguarding concern or a risk flag, with its deadline. */
    public record WorkItem(String kind, UUID id, UUID referralId, UUID peerId, String status, boolean immediateRisk,
            String category, String instrument, Integer item, OffsetDateTime raisedAt, OffsetDateTime acknowledgeBy,
            boolean overdue, OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime closedAt,
            String closedBy) {

        public boolean riskFlag() {
            return "RISK_FLAG".equals(kind);
        }

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean acknowledged() {
            return "ACKNOWLEDGED".equals(status);
        }
    }

    /** An alert to the signed-in person: someone may be at risk now. */
    public record Alert(UUID id, String kind, UUID concernId, UUID riskFlagId, UUID referralId, UUID peerId,
            OffsetDateTime raisedAt, OffsetDateTime acknowledgeBy, boolean overdue, int escalationLevel,
            OffsetDateTime acknowledgedAt, String acknowledgedBy) {
    }

    public record NewConcern(UUID referralId, String category, String description, Boolean immediateRisk) {
    }

    public record Closure(String actionTaken) {
    }

    public record Group(UUID id, String name, String focus, String leadership, List<UUID> facilitators, int capacity,
            List<UUID> members, OffsetDateTime lastMeetingAt) {
    }

    public record Meeting(UUID id, UUID groupId, OffsetDateTime startedAt, int durationMinutes, String medium,
            List<String> focus, long attended, List<Attendance> attendance) {
    }

    public record Attendance(UUID referralId, String attendance) {
    }

    public record NewMeeting(OffsetDateTime startedAt, Integer durationMinutes, String medium, List<String> focus,
            List<Attendance> attendance) {
    }

    public record OverdueSupervision(UUID peerId, String supervisorId, OffsetDateTime lastSupervisedAt,
            OffsetDateTime dueAt, long daysOverdue, long activeClients) {
    }

    public record Supervision(UUID id, UUID peerId, String supervisorId, OffsetDateTime heldAt,
            Integer durationMinutes, List<String> topics, String wellbeing, String wellbeingNotes,
            List<Action> actions) {
    }

    public record Action(String description, LocalDate dueBy) {
    }

    public record NewSupervision(OffsetDateTime heldAt, Integer durationMinutes, List<String> topics,
            String wellbeing, String wellbeingNotes, List<Action> actions) {
    }
}
