package org.alongside.session.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Who safeguarding alerts reach and how fast they escalate ({@code alongside.alerts.*}). An immediate-risk concern
 * or a risk flag alerts the responsible supervisor and the duty coordinator at once; left unacknowledged past its
 * deadline it goes to the next contact of the escalation list, one more each time the deadline passes again.
 */
@ConfigMapping(prefix = "alongside.alerts")
public interface AlertsConfig {

    /** The coordinator on duty, who gets every alert: the subject of their token, and where email reaches them. */
    DutyCoordinator dutyCoordinator();

    /** How long an immediate-risk concern's alert waits for acknowledgement before it escalates. */
    @WithDefault("PT15M")
    @DurationMin(millis = 1)
    Duration immediateRiskEscalateAfter();

    /** How long a risk flag's alert waits for acknowledgement before it escalates. */
    @WithDefault("PT15M")
    @DurationMin(millis = 1)
    Duration riskFlagEscalateAfter();

    /** Email addresses escalated to in turn (e.g. the safeguarding lead, then the service manager). */
    Optional<List<@NotBlank String>> escalation();

    /** How often the dispatcher looks for alerts past their deadline (new alerts are emailed at once). */
    @WithDefault("PT5S")
    @DurationMin(millis = 1)
    Duration checkEvery();

    interface DutyCoordinator {
        @WithDefault("duty-coordinator")
        @NotBlank
        String subject();

        @WithDefault("duty-coordinator@alongside.local")
        @NotBlank
        String email();
    }
}
