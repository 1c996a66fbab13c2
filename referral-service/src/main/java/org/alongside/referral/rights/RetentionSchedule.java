package org.alongside.referral.rights;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.audit.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the retention sweep on a schedule (alongside.retention.sweep-every, default hourly). */
@ApplicationScoped
public class RetentionSchedule {

    private final Retention retention;
    private final boolean scheduled;

    RetentionSchedule(Retention retention,
            @ConfigProperty(name = "alongside.retention.scheduled", defaultValue = "true") boolean scheduled) {
        this.retention = retention;
        this.scheduled = scheduled;
    }

    @Scheduled(identity = "retention-sweep", every = "${alongside.retention.sweep-every:1h}",
            delayed = "${alongside.retention.first-sweep-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (scheduled) {
            retention.sweep(AuditTrail.SYSTEM);
        }
    }
}
