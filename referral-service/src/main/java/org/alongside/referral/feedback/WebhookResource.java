package org.alongside.referral.feedback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.lifecycle.OdsCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A referrer organisation registers where to be told about its referrals. Notifications are POSTed as JSON with
 * headers X-Alongside-Timestamp and X-Alongside-Signature = "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body).
 */
@Path("/referrer-webhooks/{odsCode}")
@Tag(name = "Referrer feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record Registration(
            @NotNull @Pattern(regexp = "https?://\\S{1,2000}", message = "must be an http(s) URL") String url) {
    }

    public record Webhook(String odsCode, String url, OffsetDateTime createdAt,
            @Schema(description = "Only in the answer to PUT: keep it to verify signatures") String secret) {
    }

    public record Delivery(UUID id, UUID referralId, WebhookDelivery.Status status, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    private final Caller caller;
    private final Clock clock;

    WebhookResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Transactional
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(operationId = "putReferrerWebhook", summary = "Register (or replace) the organisation's webhook; answers with a new signing secret")
    @APIResponse(responseCode = "200", description = "Registered")
    public Webhook register(@PathParam("odsCode") @OdsCode String odsCode, @NotNull @Valid Registration registration) {
        String ods = ownOrganisation(odsCode);
        ReferrerWebhook webhook = ReferrerWebhook.forOrganisation(ods).orElseGet(() -> {
            ReferrerWebhook created = new ReferrerWebhook();
            created.id = UUID.randomUUID();
            created.odsCode = ods;
            return created;
        });
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        webhook.url = registration.url();
        webhook.secret = HexFormat.of().formatHex(secret);
        webhook.createdAt = OffsetDateTime.now(clock);
        webhook.createdBy = caller.user();
        webhook.persist();
        return new Webhook(ods, webhook.url, webhook.createdAt, webhook.secret);
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(operationId = "getReferrerWebhook", summary = "The organisation's webhook (without its secret)")
    public Webhook get(@PathParam("odsCode") @OdsCode String odsCode) {
        ReferrerWebhook webhook = existing(ownOrganisation(odsCode));
        return new Webhook(webhook.odsCode, webhook.url, webhook.createdAt, null);
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(operationId = "listWebhookDeliveries", summary = "The latest notifications and their delivery attempts, newest first")
    public Page<Delivery> deliveries(@PathParam("odsCode") @OdsCode String odsCode,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        ReferrerWebhook webhook = existing(ownOrganisation(odsCode));
        var query = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 order by createdAt desc", webhook.id);
        return new Page<>(query.page(page, size).list(), page, size, query.count())
                .map(d -> new Delivery(d.id, d.referralId, d.status, d.attempts, d.lastError, d.createdAt,
                        d.deliveredAt));
    }

    @DELETE
    @Transactional
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(operationId = "deleteReferrerWebhook", summary = "Stop notifications to the organisation")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("odsCode") @OdsCode String odsCode) {
        existing(ownOrganisation(odsCode)).delete();
    }

    private ReferrerWebhook existing(String ods) {
        return ReferrerWebhook.forOrganisation(ods)
                .orElseThrow(() -> ProblemException.notFound("Webhook for organisation", ods));
    }

    /** A referrer manages only their own organisation's webhook; another's is out of scope (404). */
    private String ownOrganisation(String odsCode) {
        String ods = odsCode.toUpperCase();
        if (!caller.is(Roles.ADMIN) && !caller.odsCode().map(ods::equals).orElse(false)) {
            throw ProblemException.notFound("Webhook for organisation", ods);
        }
        return ods;
    }
}
