package org.alongside.referral.fhir;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/** OperationOutcomes: the one shape of every error under /fhir (UK Core OperationOutcome). */
final class Outcomes {

    private Outcomes() {
    }

    static OperationOutcome of(List<FhirIntakeException.Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.getMeta().addProfile(FhirProfile.UK_CORE_OPERATION_OUTCOME);
        for (FhirIntakeException.Issue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent added = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.fromCode(issue.code()))
                    .setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                added.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    static OperationOutcome of(int status, String diagnostics) {
        return of(List.of(new FhirIntakeException.Issue(codeFor(status), null, diagnostics)));
    }

    static Response response(int status, OperationOutcome outcome, FhirFormat format) {
        return Response.status(status).type(format.mediaType()).entity(outcome).build();
    }

    /** The OperationOutcome issue type that says what an HTTP error status says. */
    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404, 410 -> "not-found";
            case 405, 406, 415, 501 -> "not-supported";
            case 409, 412 -> "conflict";
            case 413 -> "too-costly";
            case 429 -> "throttled";
            case 503 -> "transient";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
