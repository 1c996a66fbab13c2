package org.alongside.session.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.session.match.Matches;

/**
 * Erases what session-service holds about a person in words, keeping every coded row (sessions with their dates,
 * formats, attendance and focus; goals' focus, status and ratings; signposting categories and take-up; concerns'
 * categories and dates; group registers), so the counts built on them stay as they were. Nothing of it was ever
 * published, so no event needs correcting. Applying it again changes nothing.
 */
@ApplicationScoped
public class Erasure {

    /** How many rows of each kind lost their free text. */
    public record Erased(int sessions, int sessionVersions, int goals, int signposts, int concerns, int riskFlags) {
    }

    private final Matches matches;
    private final EntityManager entities;

    Erasure(Matches matches, EntityManager entities) {
        this.matches = matches;
        this.entities = entities;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(UUID referralId, OffsetDateTime erasedAt) {
        matches.erased(referralId, erasedAt);
        entities.flush();
        // native updates: the entities' own rules (versions never change) do not apply to the law's
        int versions = update("""
                UPDATE support_session_version SET notes = NULL, change_reason = NULL
                WHERE session_id IN (SELECT id FROM support_session WHERE referral_id = ?1)
                  AND (notes IS NOT NULL OR change_reason IS NOT NULL)""", referralId);
        int sessions = update("""
                UPDATE support_session SET notes = NULL, entered_in_error_reason = NULL, idempotency_key = NULL
                WHERE referral_id = ?1
                  AND (notes IS NOT NULL OR entered_in_error_reason IS NOT NULL OR idempotency_key IS NOT NULL)""",
                referralId);
        int goals = update("UPDATE goal SET text = NULL WHERE referral_id = ?1 AND text IS NOT NULL", referralId);
        int signposts = update("UPDATE signposting SET name = NULL WHERE referral_id = ?1 AND name IS NOT NULL",
                referralId);
        int concerns = update("""
                UPDATE safeguarding_concern SET description = NULL, action_taken = NULL
                WHERE referral_id = ?1 AND (description IS NOT NULL OR action_taken IS NOT NULL)""", referralId);
        int riskFlags = update("UPDATE risk_flag SET action_taken = NULL WHERE referral_id = ?1 AND action_taken IS NOT NULL",
                referralId);
        // entities already loaded in this transaction must not write their old text back
        entities.clear();
        return new Erased(sessions, versions, goals, signposts, concerns, riskFlags);
    }

    private int update(String sql, UUID referralId) {
        return entities.createNativeQuery(sql).setParameter(1, referralId).executeUpdate();
    }
}
