package org.alongside.referral.rights;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.audit.AuditTrail;

/** Runs the retention sweep on a schedule (alongside.retention.sweep-every, default hourly). */
@ApplicationScoped
public class RetentionSchedule {

    private final Retention retention;
    private final boolean scheduled;

    RetentionSchedule(Retention retention, RetentionConfig config) {
        this.retention = retention;
        this.scheduled = config.scheduled();
    }

    @Scheduled(identity = "retention-sweep", every = "${alongside.retention.sweep-every}",
            delayed = "${alongside.retention.first-sweep-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (scheduled) {
            retention.sweep(AuditTrail.SYSTEM);
        }
    }
}
