package org.alongside.outcomes.facts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events this service reads, as the contract fixes them. Only what the read model keeps is
 * declared (unknown fields are ignored); what a fact cannot do without is required, so an event missing it is
 * dead-lettered rather than counted wrongly. Condition display names are not read: codes and kinds suffice.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    public enum ReferrerType { GP_PRACTICE, LINK_WORKER, SELF, OTHER }

    public enum Gender { FEMALE, MALE, OTHER, UNKNOWN }

    public enum ConditionKind { PHYSICAL, MENTAL }

    /** How a session took place (session-service's formats, not the referral's preferred formats). */
    public enum SessionFormat { IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT }

    public enum Attendance { ATTENDED, DID_NOT_ATTEND, CANCELLED_BY_CLIENT, CANCELLED_BY_PEER }

    public enum Focus { DAILY_MANAGEMENT, EMOTIONAL_SUPPORT, COMMUNITY_CONNECTION, ONGOING_SUPPORT }

    /** Whether a session was 1:1 or in a group; sessions recorded before groups existed carry neither. */
    public enum SessionKind { ONE_TO_ONE, GROUP }

    /** A session version entered in error no longer counts; absent means recorded. */
    public enum SessionStatus { RECORDED, ENTERED_IN_ERROR }

    public enum Timepoint { BASELINE, REVIEW, DISCHARGE, FOLLOW_UP }

    public enum ChangeClassification { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED }

    public record Condition(String snomedCode, @NotNull ConditionKind kind) {
    }

    public record ReferralReceived(
            @NotNull ReferrerType referrerType,
            String referrerOdsCode,
            @NotNull List<@NotNull @Valid Condition> conditions,
            String ageBand,
            Gender gender,
            @Min(1) @Max(10) Integer imdDecile,
            @NotNull OffsetDateTime receivedAt) {
    }

    public record ReferralAccepted(
            List<@NotNull @Valid Condition> conditions,
            String ageBand,
            Gender gender,
            String locality,
            @Min(1) @Max(10) Integer imdDecile,
            @NotNull OffsetDateTime receivedAt,
            @NotNull OffsetDateTime acceptedAt) {
    }

    public record ReferralDeclined(@NotBlank String reason, @NotNull OffsetDateTime declinedAt) {
    }

    public record ReferralWithdrawn(@NotBlank String reason, String fromStatus, @NotNull OffsetDateTime withdrawnAt) {
    }

    public record ReferralClosed(@NotBlank String reason, @NotNull OffsetDateTime closedAt) {
    }

    public record MatchAccepted(@NotNull UUID peerId, @NotNull OffsetDateTime acceptedAt) {
    }

    public record SessionRecorded(
            @NotNull UUID sessionId,
            UUID peerId,
            @NotNull OffsetDateTime startedAt,
            @PositiveOrZero Integer durationMinutes,
            SessionFormat format,
            @NotNull Attendance attendance,
            List<@NotNull Focus> focus,
            @NotNull OffsetDateTime recordedAt,
            SessionKind kind,
            UUID groupId,
            SessionStatus status) {
    }

    /**
     * A completed outcome measure. {@code score} and {@code change.fromBaseline} are numbers for single-score
     * instruments and per item (an array or object) for ONS4, whose items are never summed: those are read as
     * JSON and kept only when they are a single number.
     */
    public record OutcomeRecorded(
            @NotNull UUID measurementId,
            @NotBlank String instrument,
            @NotNull Timepoint timepoint,
            @NotNull OffsetDateTime completedAt,
            JsonNode score,
            JsonNode rawScore,
            String band,
            @Valid Change change) {
    }

    public record Change(JsonNode fromBaseline, ChangeClassification classification) {
    }

    public record SafeguardingRaised(
            @NotNull UUID concernId,
            @NotBlank String category,
            Boolean immediateRisk,
            @NotNull OffsetDateTime raisedAt) {
    }
}
