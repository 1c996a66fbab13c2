package org.alongside.console.signin;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The development sign-in's session: a token signed with the development key, kept in an HttpOnly, Secure,
 * SameSite=Strict cookie and verified on every request. Without a valid one, a page request is sent to the sign-in
 * page with the page it asked for, to come back to. Does nothing unless the development sign-in is configured; the
 * production sign-in is OpenID Connect (quarkus-oidc), which then answers instead.
 */
@ApplicationScoped
public class DevSession implements HttpAuthenticationMechanism {

    public static final String COOKIE = "alongside_dev_session";

    private final DevSignInConfig config;
    private final PrivateKey privateKey;
    private final JWTAuthContextInfo verification;

    DevSession(DevSignInConfig config) throws Exception {
        this.config = config;
        if (config.enabled()) {
            Path keys = Path.of(config.keyDirectory().orElseThrow());
            privateKey = KeyUtils.decodePrivateKey(Files.readString(keys.resolve("private.pem")));
            PublicKey publicKey = KeyUtils.decodePublicKey(Files.readString(keys.resolve("public.pem")));
            verification = new JWTAuthContextInfo(publicKey, config.issuer());
        } else {
            privateKey = null;
            verification = null;
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Signs a development token as the identity provider would issue it, and sets it as the session cookie. */
    public void start(RoutingContext context, String role, String subject, String name, UUID peerId, String odsCode) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer()).subject(subject).upn(subject).claim("name", name)
                .groups(Set.of(role)).issuedAt(now).expiresAt(now.plus(config.lifetime()));
        if (peerId != null) {
            claims.claim(SignedIn.PEER_ID_CLAIM, peerId.toString());
        }
        if (odsCode != null) {
            claims.claim(SignedIn.ODS_CODE_CLAIM, odsCode);
        }
        String token = claims.jws().keyId("alongside-dev").sign(privateKey);
        context.response().addCookie(cookie(token).setMaxAge(config.lifetime().toSeconds()));
    }

    /** A token for one call made while nobody is signed in yet (the sign-in page's list of personas). */
    public String shortLivedToken(String role) {
        Instant now = Instant.now();
        return Jwt.issuer(config.issuer()).subject("dev-sign-in").upn("dev-sign-in").groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plusSeconds(60)).jws().keyId("alongside-dev").sign(privateKey);
    }

    public void end(RoutingContext context) {
        context.response().addCookie(cookie("").setMaxAge(0));
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
                .setSameSite(CookieSameSite.STRICT);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        try {
            JsonWebToken token = new DefaultJWTParser().parse(cookie.getValue(), verification);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(token);
            token.getGroups().forEach(identity::addRole);
            return Uni.createFrom().item(identity.build());
        } catch (ParseException expiredOrForged) {
            // an expired session is no session: the page asks the person to sign in again
            return Uni.createFrom().nullItem();
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        String back = context.request().getHeader("HX-Request") != null ? htmxPage(context)
                : io.vertx.core.http.HttpMethod.GET.equals(context.request().method()) ? context.request().uri()
                : pageOf(context.request().getHeader("Referer"));
        String signIn = "/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (context.request().getHeader("HX-Request") != null) {
            // htmx would swap the sign-in page into a fragment: it is told to load it as a whole page instead
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", signIn));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", signIn));
    }

    private static String htmxPage(RoutingContext context) {
        return pageOf(context.request().getHeader("HX-Current-URL"));
    }

    /**
     * The page a form was posted from (its Referer), to come back to after signing in again: the post itself cannot
     * be repeated by a redirect. The sign-in page accepts only a path on this console.
     */
    public static String pageOf(String url) {
        if (url == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getRawPath() == null ? "/" : uri.getRawPath() + (uri.getRawQuery() == null ? ""
                    : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // ahead of OpenID Connect's mechanism, which is switched off wherever this one is on
        return 2000;
    }
}
