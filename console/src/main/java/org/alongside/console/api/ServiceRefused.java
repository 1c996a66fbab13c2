package org.alongside.console.api;

/** A service answered with a 4xx or 5xx: what it said, as problem+json when it said it that way. */
public class ServiceRefused extends RuntimeException {

    private final String service;
    private final int status;
    private final Problem problem;

    public ServiceRefused(String service, int status, Problem problem) {
        super(service + " answered " + status + (problem == null ? "" : ": " + problem.message()));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** Never null: a service that said nothing useful gets a problem naming only its status. */
    public Problem problem() {
        return problem != null ? problem : new Problem(null, "HTTP " + status, status, null, null);
    }

    public boolean isInvalidInput() {
        return status == 400 || status == 422;
    }
}
