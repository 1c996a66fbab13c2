package org.alongside.platform.time;

import io.quarkus.arc.Arc;
import io.quarkus.arc.DefaultBean;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The clock services read "now" from, so tests and replays can fix it, and demo data can play out a past year. */
public class Clocks {

    /** Request header that sets "now" for one request, honoured only with {@code alongside.demo.backdating=true}. */
    public static final String DEMO_TIME_HEADER = "X-Alongside-Demo-Time";

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(DemoConfig demo) {
        // microseconds, as PostgreSQL stores them: a time reads back exactly as it was first returned
        Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        return demo.backdating() ? new DemoClock(system) : system;
    }

    /**
     * The system clock, except inside an HTTP request carrying {@link #DEMO_TIME_HEADER}: then that instant. Lets
     * deploy/local/demo-data record a year of activity through the real APIs, with every rule about time (no
     * session more than a day ahead, waits, deadlines) applied as on the day. Never on in production
     * (ProductionGuard refuses to start).
     */
    static final class DemoClock extends Clock {

        private final Clock system;

        DemoClock(Clock system) {
            this.system = system;
        }

        @Override
        public Instant instant() {
            if (Arc.container() != null && Arc.container().requestContext().isActive()) {
                RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
                String demoTime = request == null ? null : request.request().getHeader(DEMO_TIME_HEADER);
                if (demoTime != null) {
                    try {
                        return Instant.parse(demoTime).truncatedTo(ChronoUnit.MICROS);
                    } catch (DateTimeParseException e) {
                        return system.instant();
                    }
                }
            }
            return system.instant();
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(getZone()) ? this : new DemoClock(system.withZone(zone));
        }
    }
}
