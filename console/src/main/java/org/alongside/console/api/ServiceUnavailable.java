package org.alongside.console.api;

/** A service could not be reached, timed out, or answered 502/503/504: that part of a page cannot be shown now. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    /** The service as people know it, e.g. "Referrals". */
    public String service() {
        return service;
    }
}
