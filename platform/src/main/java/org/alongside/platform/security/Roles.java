package org.alongside.platform.security;

/** The roles of the integration contract, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String REFERRER = "referrer";
    public static final String COORDINATOR = "coordinator";
    public static final String PEER_WORKER = "peer-worker";
    public static final String SUPERVISOR = "supervisor";
    public static final String COMMISSIONER = "commissioner";
    public static final String ADMIN = "admin";

    /** Claim naming the caller's peer profile (peer workers). */
    public static final String PEER_ID_CLAIM = "peerId";
    /** Claim naming the caller's organisation by ODS code (referrers). */
    public static final String ODS_CODE_CLAIM = "odsCode";

    private Roles() {
    }
}
