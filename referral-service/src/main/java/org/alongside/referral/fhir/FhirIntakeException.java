package org.alongside.referral.fhir;

import java.util.List;

/** A FHIR request Alongside cannot take, with each problem located by a FHIRPath expression where known. */
public class FhirIntakeException extends RuntimeException {

    /** One problem: an OperationOutcome issue type code, where it is (null if nowhere in particular) and what. */
    public record Issue(String code, String expression, String diagnostics) {
    }

    private final int status;
    private final List<Issue> issues;

    public FhirIntakeException(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "invalid" : issues.get(0).diagnostics());
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public static FhirIntakeException invalid(String expression, String diagnostics) {
        return new FhirIntakeException(400, List.of(new Issue("invalid", expression, diagnostics)));
    }

    public static FhirIntakeException required(String expression, String diagnostics) {
        return new FhirIntakeException(400, List.of(new Issue("required", expression, diagnostics)));
    }

    public static FhirIntakeException notSupported(String expression, String diagnostics) {
        return new FhirIntakeException(400, List.of(new Issue("not-supported", expression, diagnostics)));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }
}
