package org.alongside.console.signin;

import java.util.List;

/** The roles of the integration contract (the {@code groups} claim) that have a console, and where each starts. */
public enum Role {
    COORDINATOR("coordinator", "Coordinator", "/coordinator/worklist"),
    PEER_WORKER("peer-worker", "Peer worker", "/peer/people"),
    SUPERVISOR("supervisor", "Supervisor", "/supervisor/concerns"),
    REFERRER("referrer", "Referrer", "/referrer/referrals"),
    COMMISSIONER("commissioner", "Commissioner", "/commissioner/dashboard");

    public static final String COORDINATOR_GROUP = "coordinator";
    public static final String PEER_WORKER_GROUP = "peer-worker";
    public static final String SUPERVISOR_GROUP = "supervisor";
    public static final String REFERRER_GROUP = "referrer";
    public static final String COMMISSIONER_GROUP = "commissioner";

    public final String group;
    public final String label;
    public final String home;

    Role(String group, String label, String home) {
        this.group = group;
        this.label = label;
        this.home = home;
    }

    public static List<Role> all() {
        return List.of(values());
    }

    public static java.util.Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
