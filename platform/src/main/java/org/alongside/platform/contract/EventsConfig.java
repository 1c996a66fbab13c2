package org.alongside.platform.contract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/** What a service says about the events it publishes ({@code alongside.events.*}). */
@ConfigMapping(prefix = "alongside.events")
public interface EventsConfig {

    /**
     * The address integrators reach this service at, without a trailing slash: each event's {@code dataschema} (and
     * its schema's {@code $id}) is under it, so it must resolve where the events are read. Locally the service's own
     * port; in Kubernetes the service's URL.
     */
    @WithDefault("http://localhost:${quarkus.http.port}")
    @Pattern(regexp = "^https?://[^/]+(/.*[^/])?$")
    String baseUrl();

    /**
     * The topics this service publishes (e.g. {@code alongside.referrals.v1}): its schemas and AsyncAPI document
     * describe every event type of them, and the outbox refuses an event of any other.
     */
    @NotEmpty
    Set<String> produces();
}
