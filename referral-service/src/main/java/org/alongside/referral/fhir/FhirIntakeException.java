package org.alongside.referral.fhir;

import java.util.List;

/** A FHIR referral Alongside cannot take, with each problem located by a FHIRPath expression. */
public class FhirIntakeException extends RuntimeException {

    public record Issue(String code, String expression, String diagnostics) {
    }

    private final int status;
    private final List<Issue> issues;

    public FhirIntakeException(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "invalid" : issues.get(0).diagnostics());
        this.status = status;
        this.issues = issues;
    }

    public static FhirIntakeException invalid(String expression, String diagnostics) {
        return new FhirIntakeException(400, List.of(new Issue("invalid", expression, diagnostics)));
    }

    public static FhirIntakeException required(String expression, String diagnostics) {
        return new FhirIntakeException(400, List.of(new Issue("required", expression, diagnostics)));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }
}
