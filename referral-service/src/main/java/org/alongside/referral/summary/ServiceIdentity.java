package org.alongside.referral.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.alongside.platform.security.Roles;
import org.jboss.logging.Logger;

/**
 * referral-service's own bearer token, for the calls it makes on its own account (assembling an end-of-support
 * summary after a referral closed, when nobody's request is there to pass a token on). Kept until shortly before
 * it expires. See {@link ServiceIdentityConfig}.
 */
@ApplicationScoped
public class ServiceIdentity {

    /** Who the other services' audit trails name when referral-service reads a person's record. */
    static final String SUBJECT = "referral-service";
    private static final Logger LOG = Logger.getLogger(ServiceIdentity.class);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration DEV_LIFETIME = Duration.ofMinutes(10);

    private record Token(String value, Instant expiresAt) {
    }

    private final ServiceIdentityConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Token token;

    ServiceIdentity(ServiceIdentityConfig config, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * In production: refuses to start with the development key (after the platform's own guard, so its reasons are
     * given first), and says at once when no identity is configured, as no summary can be made until one is.
     */
    void check(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        if (config.devKeyDirectory().isPresent()) {
            throw new IllegalStateException("Refusing to start in production: alongside.service-identity."
                    + "dev-key-directory would sign referral-service's own tokens with the development key");
        }
        if (config.tokenUrl().isEmpty() || config.clientId().isEmpty() || config.clientSecret().isEmpty()) {
            LOG.error("No identity for referral-service's own calls (alongside.service-identity.token-url, "
                    + "client-id, client-secret): end-of-support summaries wait until one is configured");
        }
    }

    /** The Authorization header value; fails (to be retried) when no identity is configured or the provider is away. */
    public synchronized String bearer() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token == null || token.expiresAt().minus(MARGIN).isBefore(now)) {
            token = config.tokenUrl().isPresent() ? clientCredentials() : selfSigned(now);
        }
        return "Bearer " + token.value();
    }

    private Token clientCredentials() throws IOException, InterruptedException {
        String clientId = config.clientId().orElseThrow(() -> new IllegalStateException(
                "alongside.service-identity.client-id is not set"));
        String secret = config.clientSecret().orElseThrow(() -> new IllegalStateException(
                "alongside.service-identity.client-secret is not set"));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(config.tokenUrl().get())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the identity provider answered HTTP " + response.statusCode()
                    + " to referral-service's client credentials");
        }
        JsonNode body = mapper.readTree(response.body());
        if (!body.hasNonNull("access_token")) {
            throw new IOException("the identity provider's answer has no access_token");
        }
        return new Token(body.get("access_token").asText(),
                clock.instant().plusSeconds(body.path("expires_in").asLong(60)));
    }

    private Token selfSigned(Instant now) throws IOException {
        String directory = config.devKeyDirectory().orElseThrow(() -> new IllegalStateException(
                "referral-service has no identity of its own to call the other services with: set "
                        + "alongside.service-identity.token-url, client-id and client-secret"));
        PrivateKey key;
        try {
            key = KeyUtils.decodePrivateKey(Files.readString(Path.of(directory, "private.pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development key in " + directory + " cannot be read", e);
        }
        Instant expires = now.plus(DEV_LIFETIME);
        return new Token(Jwt.issuer(config.devIssuer()).subject(SUBJECT).upn(SUBJECT)
                .groups(Set.of(Roles.COORDINATOR)).issuedAt(now).expiresAt(expires)
                .jws().keyId("alongside-dev").sign(key), expires);
    }
}
