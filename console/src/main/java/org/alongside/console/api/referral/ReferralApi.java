package org.alongside.console.api.referral;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.Bearer;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** referral-service's public REST API, as much of it as the console uses. Only {@link ReferralClient} calls it. */
@RegisterRestClient(configKey = "referral")
@RegisterClientHeaders(Bearer.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/referrals")
interface ReferralApi {

    @GET
    Referrals.Page list(@QueryParam("status") String status, @QueryParam("condition") String condition,
            @QueryParam("receivedFrom") LocalDate receivedFrom, @QueryParam("receivedTo") LocalDate receivedTo,
            @QueryParam("name") String name, @QueryParam("nhsNumber") String nhsNumber,
            @QueryParam("birthDate") String birthDate, @QueryParam("unableToContact") Boolean unableToContact,
            @QueryParam("sort") String sort, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Referrals.Referral get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/history")
    Referrals.HistoryPage history(@PathParam("id") UUID id, @QueryParam("size") int size);

    @POST
    Referrals.Referral create(Referrals.NewReferral referral, @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** A JSON Merge Patch (RFC 7396), sent as the text the console wrote. */
    @PATCH
    @Path("/{id}")
    @Consumes("application/merge-patch+json")
    Referrals.Referral correct(@PathParam("id") UUID id, String mergePatch);

    @GET
    @Path("/{id}/contact-attempts")
    Referrals.ContactAttempts contactAttempts(@PathParam("id") UUID id, @QueryParam("size") int size);

    @POST
    @Path("/{id}/contact-attempts")
    Referrals.ContactAttempt logContactAttempt(@PathParam("id") UUID id, Referrals.NewContactAttempt attempt);

    @POST
    @Path("/{id}/close")
    Referrals.Referral close(@PathParam("id") UUID id, Referrals.Close close);

    @POST
    @Path("/{id}/accept")
    Referrals.Referral accept(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/decline")
    Referrals.Referral decline(@PathParam("id") UUID id, Referrals.Decline decline);
}
