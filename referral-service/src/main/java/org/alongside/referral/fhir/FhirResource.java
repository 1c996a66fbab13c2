package org.alongside.referral.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.query.AcceptsAnyQueryParameter;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * FHIR R4 for GP, 111/999 and ICB systems: BaRS referral request messages ({@code $process-message}), transaction
 * Bundles and UK Core ServiceRequests in; the referral as a ServiceRequest and its progress as a Task out. JSON or
 * XML; every error an OperationOutcome naming the element (FhirHttp).
 */
@Path("/fhir")
@AcceptsAnyQueryParameter
@Tag(name = "FHIR R4")
@Produces({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
public class FhirResource {

    /** Search parameters that change how, not what, a search answers (the format is negotiated by FhirHttp). */
    private static final Set<String> RESULT_PARAMETERS = Set.of("_format", "_pretty", "_summary", "_elements");

    private final FhirParsing parsing;
    private final FhirIntake intake;
    private final BarsMessaging messaging;
    private final Transactions transactions;
    private final Referrals referrals;
    private final ReferralFhirWriter writer;
    private final Caller caller;

    FhirResource(FhirParsing parsing, FhirIntake intake, BarsMessaging messaging, Transactions transactions,
            Referrals referrals, ReferralFhirWriter writer, Caller caller) {
        this.parsing = parsing;
        this.intake = intake;
        this.messaging = messaging;
        this.transactions = transactions;
        this.referrals = referrals;
        this.writer = writer;
        this.caller = caller;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Operation(operationId = "fhirCapabilities",
            summary = "CapabilityStatement: what this FHIR endpoint supports (no token needed)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 CapabilityStatement")))
    public CapabilityStatement metadata(@Context UriInfo uri) {
        return Capabilities.statement(base(uri));
    }

    @POST
    @Path("/$process-message")
    @Consumes({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirProcessMessage",
            summary = "Refer with a BaRS referral request message (FHIR messaging, synchronous)",
            description = "A Bundle of type message whose MessageHeader's event is a referral request and whose "
                    + "focus is the ServiceRequest, sent with its Patient, Conditions, requester and Consent. The "
                    + "answer is a response message: ok, with the referral's ServiceRequest and Task, or fatal-error "
                    + "with an OperationOutcome naming each problem's FHIR path (nothing written). A resend of the "
                    + "same message (Bundle.id and MessageHeader.id, from the same organisation) gets the same "
                    + "response and creates nothing. A body that is not a message at all is answered 400.")
    @RequestBody(content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "FHIR R4 Bundle of type message (BaRS referral request)")))
    @APIResponse(responseCode = "200", description = "The response message (ok or fatal-error)",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 Bundle of type message (response)")))
    public Bundle processMessage(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("async") @Parameter(description = "Only synchronous messaging: absent or false")
            String async,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, @Context UriInfo uri) {
        if (async != null && !"false".equals(async)) {
            throw FhirIntakeException.notSupported("async", "Asynchronous messaging is not supported: the "
                    + "response message is the answer to this request (leave async out, or false)");
        }
        IBaseResource resource = parsing.parse(body, contentType);
        if (!(resource instanceof Bundle message)) {
            throw FhirIntakeException.invalid(resource.fhirType(), "$process-message takes a Bundle of type "
                    + "'message', not a " + resource.fhirType());
        }
        return messaging.process(message, base(uri), idempotencyKey);
    }

    @POST
    @Consumes({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirTransaction", summary = "Refer with a transaction Bundle",
            description = "One ServiceRequest and the Patient, Conditions, Organization, Practitioner(Role) and "
                    + "Consent it refers to, each entry a POST. Answered with a transaction-response: the "
                    + "ServiceRequest's entry 201 Created (200 OK when its identifier or the Idempotency-Key names a "
                    + "referral already received) with its location; the others recorded with it. A message Bundle "
                    + "belongs at /fhir/$process-message.")
    @RequestBody(content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "FHIR R4 Bundle of type transaction")))
    @APIResponse(responseCode = "200", description = "The transaction-response",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 Bundle of type transaction-response")))
    public Bundle transaction(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, @Context UriInfo uri) {
        IBaseResource resource = parsing.parse(body, contentType);
        if (!(resource instanceof Bundle bundle)) {
            throw FhirIntakeException.invalid(resource.fhirType(), "POST /fhir takes a Bundle of type "
                    + "'transaction', not a " + resource.fhirType()
                    + (resource instanceof ServiceRequest ? ": post a ServiceRequest to /fhir/ServiceRequest" : ""));
        }
        return transactions.process(bundle, base(uri), idempotencyKey);
    }

    @POST
    @Path("/ServiceRequest")
    @Consumes({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirCreateServiceRequest",
            summary = "Refer with a ServiceRequest whose Patient and Conditions are contained resources",
            description = "A retry with the same Idempotency-Key or ServiceRequest.identifier creates nothing (200).")
    @RequestBody(content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "FHIR R4 ServiceRequest (UK Core)")))
    @APIResponse(responseCode = "201", description = "Received; Location names the ServiceRequest",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 ServiceRequest")))
    @APIResponse(responseCode = "200", description = "A retry of a referral already received",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 ServiceRequest")))
    public Response createServiceRequest(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, @Context UriInfo uri) {
        IBaseResource resource = parsing.parse(body, contentType);
        if (!(resource instanceof ServiceRequest request)) {
            throw FhirIntakeException.invalid(resource.fhirType(), "Expected a ServiceRequest but got a "
                    + resource.fhirType() + (resource instanceof Bundle ? ": post a transaction to /fhir, a "
                    + "message to /fhir/$process-message" : ""));
        }
        FhirIntake.Received received = intake.receive(ServiceRequestReader.fromServiceRequest(request),
                idempotencyKey, null, Response.Status.CREATED);
        Referral referral = received.referral();
        URI location = URI.create(base(uri) + "/ServiceRequest/" + referral.id);
        return (received.created() ? Response.created(location) : Response.ok().location(location))
                .lastModified(Date.from(referral.updatedAt.toInstant()))
                .entity(writer.serviceRequest(referral)).build();
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirReadServiceRequest",
            summary = "The referral as a ServiceRequest: what was sent, with Alongside's status")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = SchemaType.OBJECT, description = "FHIR R4 ServiceRequest")))
    public ServiceRequest read(@PathParam("id") String id) {
        return writer.serviceRequest(referrals.visibleTo(referralId(id, "ServiceRequest.id"), caller));
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirReadTask",
            summary = "The referral's progress as a Task, read by its id (the fullUrl of a Task search's entry)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = SchemaType.OBJECT, description = "FHIR R4 Task")))
    public Task readTask(@PathParam("id") String id) {
        return writer.task(referrals.visibleTo(referralId(id, "Task.id"), caller));
    }

    @GET
    @Path("/Task")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirSearchTask",
            summary = "The referral's progress as a Task: search by focus=ServiceRequest/{id}",
            description = "Task.status: received, accepted, rejected (declined), cancelled (withdrawn), ready (matched "
                    + "with a peer), in-progress (support under way), completed (closed). statusReason carries the "
                    + "coded decline, withdrawal or close reason. Other search parameters are ignored (FHIR's lenient "
                    + "handling; the self link shows the search done) unless Prefer: handling=strict.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = SchemaType.OBJECT, description = "FHIR R4 Bundle (searchset) of Task")))
    public Bundle task(@QueryParam("focus") @Parameter(description = "ServiceRequest/{id}") String focus,
            @HeaderParam("Prefer") String prefer, @Context UriInfo uri) {
        String base = base(uri);
        if (prefer != null && prefer.replace(" ", "").contains("handling=strict")) {
            List<String> unknown = new ArrayList<>(uri.getQueryParameters().keySet());
            unknown.removeIf(name -> name.equals("focus") || RESULT_PARAMETERS.contains(name));
            if (!unknown.isEmpty()) {
                throw FhirIntakeException.notSupported(unknown.get(0), "Search parameters " + unknown
                        + " are not supported on Task: search by focus");
            }
        }
        String reference = focus == null ? null : focus.startsWith(base + "/") ? focus.substring(base.length() + 1)
                : focus;
        if (reference == null || !reference.startsWith("ServiceRequest/")) {
            throw FhirIntakeException.required("focus", "Search parameter focus=ServiceRequest/{id} is required");
        }
        Referral referral = referrals.visibleTo(referralId(reference.substring("ServiceRequest/".length()),
                "focus"), caller);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(referral.updatedAt.toInstant()));
        bundle.addLink().setRelation("self").setUrl(base + "/Task?focus=" + reference);
        bundle.addEntry().setFullUrl(base + "/Task/" + referral.id).setResource(writer.task(referral))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        return bundle;
    }

    /** This endpoint's base URL as the client reached it (absolute fullUrls and Locations are built on it). */
    private static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceFirst("/$", "") + "/fhir";
    }

    private static UUID referralId(String id, String expression) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirIntakeException.invalid(expression, "'" + id + "' is not an Alongside referral id");
        }
    }
}
