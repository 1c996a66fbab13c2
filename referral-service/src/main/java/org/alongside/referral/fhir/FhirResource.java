package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.failure.Failures;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.problem.ProblemMappers;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.intake.Intake;
import org.alongside.referral.lifecycle.NewReferral;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * FHIR R4 intake for GP and ICB systems (UK Core ServiceRequest; BaRS message Bundles) and the referrer's view of
 * progress as a Task. Errors here are OperationOutcomes whose issues point at the element with a FHIRPath.
 */
@Path("/fhir")
@Tag(name = "FHIR R4")
@Produces(FhirProfile.MEDIA_TYPE)
public class FhirResource {

    private static final Logger LOG = Logger.getLogger(FhirResource.class);

    private final FhirContext fhir;
    private final Intake intake;
    private final Referrals referrals;
    private final Caller caller;
    private final Validator validator;

    FhirResource(FhirContext fhir, Intake intake, Referrals referrals, Caller caller, Validator validator) {
        this.fhir = fhir;
        this.intake = intake;
        this.referrals = referrals;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Operation(summary = "CapabilityStatement: what this FHIR endpoint supports (no token needed)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "FHIR R4 CapabilityStatement")))
    public String metadata() {
        return encode(Capabilities.statement());
    }

    @POST
    @Path("/ServiceRequest")
    @Consumes({FhirProfile.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Refer with a ServiceRequest whose Patient and Conditions are contained resources",
            description = "A retry with the same Idempotency-Key or ServiceRequest.identifier creates nothing.")
    @RequestBody(content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "FHIR R4 ServiceRequest (UK Core)")))
    @APIResponse(responseCode = "201", description = "Received; Location names the ServiceRequest",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "FHIR R4 ServiceRequest")))
    public Response createServiceRequest(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IBaseResource resource = parse(body);
        if (!(resource instanceof ServiceRequest request)) {
            throw FhirIntakeException.invalid(resource.fhirType(),
                    "Expected a ServiceRequest but got a " + resource.fhirType()
                            + (resource instanceof Bundle ? "; post Bundles to /fhir" : ""));
        }
        return submit(ServiceRequestReader.fromServiceRequest(request), idempotencyKey);
    }

    @POST
    @Consumes({FhirProfile.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Refer with a Bundle of type transaction or message (NHS Booking and Referral Standard)",
            description = "The message's MessageHeader.focus (or the transaction's only ServiceRequest) is the referral; "
                    + "Patient, Condition, Organization, PractitionerRole and Consent entries are read with it.")
    @RequestBody(content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "FHIR R4 Bundle (transaction or message)")))
    @APIResponse(responseCode = "201", description = "Received; Location names the ServiceRequest",
            content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "FHIR R4 ServiceRequest")))
    public Response createFromBundle(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IBaseResource resource = parse(body);
        if (!(resource instanceof Bundle bundle)) {
            throw FhirIntakeException.invalid(resource.fhirType(),
                    "Expected a Bundle but got a " + resource.fhirType()
                            + (resource instanceof ServiceRequest ? "; post ServiceRequests to /fhir/ServiceRequest" : ""));
        }
        return submit(ServiceRequestReader.fromBundle(bundle), idempotencyKey);
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "The referral as a ServiceRequest with its contained Patient and Conditions")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "FHIR R4 ServiceRequest")))
    public String read(@PathParam("id") String id) {
        return encode(ReferralFhirWriter.serviceRequest(referrals.visibleTo(referralId(id, "ServiceRequest.id"),
                caller)));
    }

    @GET
    @Path("/Task")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "The referral's progress as a Task: search by focus=ServiceRequest/{id}",
            description = "Task.status: received, accepted, rejected (declined), cancelled (withdrawn), ready (matched "
                    + "with a peer), in-progress (support under way), completed (closed). statusReason carries the "
                    + "coded decline, withdrawal or close reason.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "FHIR R4 Bundle (searchset) of Task")))
    public String task(@QueryParam("focus") String focus) {
        if (focus == null || !focus.startsWith("ServiceRequest/")) {
            throw FhirIntakeException.required("Task.focus",
                    "Search parameter focus=ServiceRequest/{id} is required");
        }
        Referral referral = referrals.visibleTo(referralId(focus.substring("ServiceRequest/".length()), "Task.focus"),
                caller);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        bundle.addEntry().setFullUrl("Task/" + referral.id).setResource(ReferralFhirWriter.task(referral))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        return encode(bundle);
    }

    private Response submit(ServiceRequestReader.Read read, String idempotencyKey) {
        validate(read.referral());
        String key = idempotencyKey != null ? idempotencyKey : read.identifier();
        Intake.Submission submission = intake.submit(read.referral(),
                new Intake.Arrival(Referral.Channel.FHIR, key, read.identifier(), read.consentSource()), caller);
        String body = encode(ReferralFhirWriter.serviceRequest(submission.referral()));
        URI location = URI.create("/fhir/ServiceRequest/" + submission.referral().id);
        return (submission.created() ? Response.created(location) : Response.ok().location(location))
                .entity(body).type(FhirProfile.MEDIA_TYPE).build();
    }

    private void validate(NewReferral referral) {
        Set<ConstraintViolation<NewReferral>> violations = validator.validate(referral);
        if (!violations.isEmpty()) {
            List<FhirIntakeException.Issue> issues = new ArrayList<>();
            violations.stream().sorted(Comparator.comparing(v -> ProblemMappers.fieldName(v))).forEach(v -> {
                String field = ProblemMappers.fieldName(v);
                issues.add(new FhirIntakeException.Issue(v.getInvalidValue() == null ? "required" : "invalid",
                        ServiceRequestReader.expressionFor(field), field + " " + v.getMessage()));
            });
            throw new FhirIntakeException(400, issues);
        }
    }

    private IBaseResource parse(String body) {
        if (body == null || body.isBlank()) {
            throw FhirIntakeException.required("Resource", "The request body is empty: send a FHIR R4 resource as JSON");
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(body);
        } catch (DataFormatException e) {
            throw FhirIntakeException.invalid("Resource", "Not a valid FHIR R4 JSON resource: " + e.getMessage());
        }
    }

    private static UUID referralId(String id, String expression) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirIntakeException.invalid(expression, "'" + id + "' is not an Alongside referral id");
        }
    }

    private String encode(org.hl7.fhir.r4.model.Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    // FHIR clients expect an OperationOutcome, never problem+json, for every failure of this endpoint.

    @ServerExceptionMapper
    public Response intakeFailure(FhirIntakeException e) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirIntakeException.Issue issue : e.issues()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.fromCode(issue.code()))
                    .setDiagnostics(issue.diagnostics())
                    .addExpression(issue.expression());
        }
        return outcome(e.status(), outcome);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        OperationOutcome.IssueType type = switch (e.status()) {
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 409 -> OperationOutcome.IssueType.CONFLICT;
            default -> OperationOutcome.IssueType.INVALID;
        };
        String expression = e.getMessage().contains(":") ? ServiceRequestReader.expressionFor(
                e.getMessage().substring(0, e.getMessage().indexOf(':'))) : null;
        return simple(e.status(), type, e.getMessage(), expression);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        Response response = simple(401, OperationOutcome.IssueType.LOGIN, "A valid bearer token is required", null);
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return simple(403, OperationOutcome.IssueType.FORBIDDEN, "Your role may not perform this interaction", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return simple(status, status == 415 ? OperationOutcome.IssueType.NOTSUPPORTED
                : OperationOutcome.IssueType.PROCESSING, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (Failures.isDatabaseUnavailable(e)) {
            return simple(503, OperationOutcome.IssueType.TRANSIENT,
                    "The service cannot reach its database; nothing was changed. Retry shortly.", null);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected FHIR failure %s", errorId);
        return simple(500, OperationOutcome.IssueType.EXCEPTION,
                "An unexpected error occurred; nothing was changed. Quote error id " + errorId, null);
    }

    private Response simple(int status, OperationOutcome.IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome(status, outcome);
    }

    private Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status).type(FhirProfile.MEDIA_TYPE).entity(encode(outcome)).build();
    }

    /** Kept apart so the statement reads as the document it is. */
    static final class Capabilities {
        private Capabilities() {
        }

        static CapabilityStatement statement() {
            CapabilityStatement statement = new CapabilityStatement();
            statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
            statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
            statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
            statement.setDate(new java.util.Date(0));
            statement.setPublisher("Alongside");
            statement.setDescription("Alongside peer support referral intake (UK Core ServiceRequest, BaRS message "
                    + "Bundles) and referral progress as Task.");
            statement.getSoftware().setName("Alongside referral-service");
            statement.addFormat("application/fhir+json");
            CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                    .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
            rest.getSecurity().setDescription("OAuth2 bearer JWT; roles referrer, coordinator or admin. "
                    + "Referrers see their own organisation's referrals (odsCode claim).");
            rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                    .setDocumentation("POST /fhir with a Bundle of type transaction or message");
            CapabilityStatement.CapabilityStatementRestResourceComponent serviceRequest = rest.addResource()
                    .setType("ServiceRequest").setProfile(FhirProfile.UK_CORE_SERVICE_REQUEST);
            serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
            serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task");
            task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            task.addSearchParam().setName("focus").setType(Enumerations.SearchParamType.REFERENCE)
                    .setDocumentation("ServiceRequest/{id}: the referral whose progress to show");
            for (String accepted : List.of("Patient", "Condition", "Organization", "Practitioner",
                    "PractitionerRole", "Consent", "MessageHeader")) {
                rest.addResource().setType(accepted).setDocumentation("Accepted inside a referral Bundle or "
                        + (accepted.equals("Patient") || accepted.equals("Condition") ? "contained in a ServiceRequest" : "message"));
            }
            statement.addMessaging().addSupportedMessage()
                    .setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
                    .setDefinition("https://fhir.nhs.uk/MessageDefinition/bars-message-servicerequest-request-referral");
            return statement;
        }
    }
}
