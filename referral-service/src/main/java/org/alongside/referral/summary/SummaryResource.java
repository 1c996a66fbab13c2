package org.alongside.referral.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.AcceptsAnyQueryParameter;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.fhir.FhirProfile;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A closed referral's end-of-support summary, for the referrer's system: the document the Task's output names. Under
 * /fhir, so the answer is JSON or XML as asked and every error an OperationOutcome. Its id is the referral's, so the
 * read is audited as a read of that person's record.
 */
@Path(SummaryResource.PATH + "{referralId}")
@AcceptsAnyQueryParameter
@Tag(name = "FHIR R4")
@Produces({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
public class SummaryResource {

    static final String PATH = "/fhir/Bundle/";

    private final Referrals referrals;
    private final Summaries summaries;
    private final Caller caller;

    SummaryResource(Referrals referrals, Summaries summaries, Caller caller) {
        this.referrals = referrals;
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "fhirReadEndOfSupportSummary",
            summary = "A closed referral's end-of-support summary, as a FHIR document Bundle",
            description = "The document the closed referral's Task names in Task.output: a Bundle of type document "
                    + "whose Composition has sections for the dates, sessions by medium, goals in the person's words "
                    + "with their first and last ratings, outcome measures from baseline to latest, signposting and "
                    + "why support ended. It exists only when the person consented to share with their GP and has "
                    + "not withdrawn consent; otherwise, while it is being assembled, or for another organisation's "
                    + "referral, the answer is 404.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirProfile.MEDIA_TYPE, schema = @Schema(
            type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type document")))
    public Bundle read(@PathParam("referralId") String id) {
        UUID referralId;
        try {
            referralId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("End-of-support summary", id);
        }
        Referral referral = referrals.visibleTo(referralId, caller);
        Summary summary = summaries.readable(referral)
                .orElseThrow(() -> ProblemException.notFound("End-of-support summary", referralId));
        return SummaryDocument.bundle(referral, summary);
    }
}
