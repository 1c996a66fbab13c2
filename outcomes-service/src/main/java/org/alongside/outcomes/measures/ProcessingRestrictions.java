package org.alongside.outcomes.measures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;

/**
 * What the person's rights forbid outcomes-service to record about them: after a withdrawal of consent
 * (referral.consent-withdrawn) or erasure (referral.erased), nothing new. Whatever records something about a person
 * (e.g. POST /measurements) calls {@link #requireMayRecord} after its scope checks; the answer is 409, as in
 * session-service, with problem type consent-withdrawn or referral-erased.
 */
@ApplicationScoped
public class ProcessingRestrictions {

    public static final String CONSENT_WITHDRAWN = "consent-withdrawn";
    public static final String REFERRAL_ERASED = "referral-erased";

    private static final String UPSERT = """
            INSERT INTO processing_restriction AS r (referral_id, %1$s) VALUES (?, ?)
            ON CONFLICT (referral_id) DO UPDATE SET %1$s = COALESCE(r.%1$s, EXCLUDED.%1$s)""";

    private final AgroalDataSource dataSource;

    ProcessingRestrictions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Refuses (409) to record anything new about a person who withdrew consent or whose records were erased. */
    public void requireMayRecord(UUID referralId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT consent_withdrawn_at, erased_at FROM processing_restriction WHERE referral_id = ?")) {
            select.setObject(1, referralId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                OffsetDateTime erasedAt = rs.getObject(2, OffsetDateTime.class);
                if (erasedAt != null) {
                    throw ProblemException.conflict(REFERRAL_ERASED, "The records of referral " + referralId
                            + " were erased at " + erasedAt + " when their retention period ended; nothing can be "
                            + "added to them.");
                }
                OffsetDateTime withdrawnAt = rs.getObject(1, OffsetDateTime.class);
                if (withdrawnAt != null) {
                    throw ProblemException.conflict(CONSENT_WITHDRAWN, "The person withdrew their consent to peer "
                            + "support at " + withdrawnAt + ": nothing more can be recorded for referral "
                            + referralId + ".");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the processing restrictions of " + referralId, e);
        }
    }

    /** The first time recorded stands. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentWithdrawn(UUID referralId, OffsetDateTime at) throws SQLException {
        upsert("consent_withdrawn_at", referralId, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID referralId, OffsetDateTime at) throws SQLException {
        upsert("erased_at", referralId, at);
    }

    private void upsert(String column, UUID referralId, OffsetDateTime at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT.formatted(column))) {
            upsert.setObject(1, referralId);
            upsert.setObject(2, at);
            upsert.executeUpdate();
        }
    }
}
