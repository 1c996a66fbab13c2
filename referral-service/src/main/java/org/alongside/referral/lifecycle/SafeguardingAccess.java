package org.alongside.referral.lifecycle;

import java.util.Optional;
import java.util.UUID;

/**
 * The one reason a supervisor may see who a person is: an open safeguarding concern about them that names the
 * supervisor as responsible. Answered where concerns are known (safeguarding/).
 */
public interface SafeguardingAccess {

    /** The open concern about {@code referralId} for which {@code supervisor} (a token subject) is responsible. */
    Optional<UUID> openConcern(UUID referralId, String supervisor);
}
