package org.alongside.journey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.KafkaBroker;

/**
 * The whole suite as a user meets it: a broker process and the four packaged services, each its own JVM with
 * its own fresh database, talking only through Kafka. Started once per test JVM. The fault tests run their own
 * stack ({@link FaultStack}) so that killing and restarting things never disturbs this one.
 */
final class Suite implements Stack {

    enum Service {
        REFERRAL("referral-service"), MATCHING("matching-service"), SESSION("session-service"),
        OUTCOMES("outcomes-service");

        final String module;

        Service(String module) {
            this.module = module;
        }

        /** The short name: referral, matching, session, outcomes. */
        String shortName() {
            return module.replace("-service", "");
        }

        String database() {
            return Databases.testName("alongside_" + shortName() + "_journey");
        }
    }

    /** Where this suite's session-service escalates an unacknowledged safeguarding alert, in turn. */
    static final List<String> ESCALATION = List.of("safeguarding-lead@trust.example", "service-manager@trust.example");

    /** How long this suite's safeguarding alerts wait for acknowledgement before they escalate (15 minutes live). */
    static final String ESCALATE_AFTER = "PT4S";

    /** How long this suite keeps an ended referral's records before a sweep may erase them. */
    static final String RETENTION = "PT5S";

    private static Suite instance;

    final KafkaBroker broker;
    /** A real SMTP server, where session-service's safeguarding alert emails arrive as the people alerted get them. */
    final GreenMail mail;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private ServiceProcess console;

    private Suite() throws IOException {
        broker = KafkaBroker.create();
        broker.format();
        broker.start();
        mail = new GreenMail(new ServerSetup(ServerSetup.PORT_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        // referral-service is told where the others run, so they get their ports first
        for (Service service : List.of(Service.MATCHING, Service.SESSION, Service.OUTCOMES, Service.REFERRAL)) {
            Databases.recreate(service.database());
            Map<String, String> properties = new HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.url", Databases.jdbcUrl(service.database()),
                    "kafka.bootstrap.servers", broker.bootstrapServers()));
            if (service == Service.REFERRAL) {
                // the subject access export and end-of-support summaries read the other services where this suite
                // runs them
                properties.put("alongside.services.matching-url", url(Service.MATCHING));
                properties.put("alongside.services.session-url", url(Service.SESSION));
                properties.put("alongside.services.outcomes-url", url(Service.OUTCOMES));
                // end-of-support summaries: referral-service calls them as itself, signing with the development key
                properties.put("alongside.service-identity.dev-key-directory",
                        ServiceProcess.root().resolve("deploy/local/dev-keys").toString());
                // retention: records of a referral that ended are kept RETENTION here (eight years in production);
                // only POST /retention/sweeps erases, so no test's referral is erased behind its back
                properties.put("alongside.retention.period", RETENTION);
                properties.put("alongside.retention.scheduled", "false");
            }
            if (service == Service.SESSION) {
                properties.put("quarkus.mailer.host", "127.0.0.1");
                properties.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
                properties.put("alongside.alerts.escalation", String.join(",", ESCALATION));
                properties.put("alongside.alerts.immediate-risk-escalate-after", ESCALATE_AFTER);
                properties.put("alongside.alerts.risk-flag-escalate-after", ESCALATE_AFTER);
                properties.put("alongside.alerts.check-every", "PT0.5S");
            }
            if (service == Service.OUTCOMES) {
                // the journey counts a handful of referrals exactly, so this stack's dashboard shows exact figures
                properties.put("alongside.dashboard.disclosure.enabled", "false");
            }
            services.put(service, new ServiceProcess(service, service.module, properties));
        }
        // a peer worker's caseload names their people from referral-service, which has its port only now
        services.get(Service.SESSION).setProperty("quarkus.rest-client.referral-service.url", url(Service.REFERRAL));
        services.values().forEach(ServiceProcess::launch);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(120));
        }
    }

    static synchronized Suite get() {
        if (instance == null) {
            try {
                instance = new Suite();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    @Override
    public String url(Service service) {
        return services.get(service).url();
    }

    /**
     * The web console in front of this suite, with the development sign-in (the local stack's), started on first use.
     * It is given its name on localhost: browsers keep its Secure session cookie there over plain http.
     */
    synchronized String consoleUrl() {
        if (console == null) {
            console = startConsole("console", Map.of());
        }
        return console.localhostUrl();
    }

    /** Another console in front of this suite, with some settings changed (e.g. a service that is not there). */
    ServiceProcess startConsole(String name, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.rest-client.referral.url", url(Service.REFERRAL),
                "quarkus.rest-client.matching.url", url(Service.MATCHING),
                "quarkus.rest-client.session.url", url(Service.SESSION),
                "quarkus.rest-client.outcomes.url", url(Service.OUTCOMES),
                "alongside.console.dev-sign-in.key-directory",
                ServiceProcess.root().resolve("deploy/local/dev-keys").toString()));
        properties.putAll(overrides);
        ServiceProcess process = ServiceProcess.console(name, properties);
        process.start();
        return process;
    }

    private void stop() {
        if (console != null) {
            console.stop();
        }
        services.values().parallelStream().forEach(ServiceProcess::stop);
        broker.destroy();
        mail.stop();
    }
}
