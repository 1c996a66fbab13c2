package org.alongside.matching.peers;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.staff.SupervisorAssigned;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;
import org.jboss.logging.Logger;

/**
 * Who supervises each peer, as session-service (which owns supervision) assigns it: matching shows it on the profile
 * and scopes a supervisor's reads by it.
 */
@ApplicationScoped
public class StaffEvents implements EventSubscriber {

    private static final Logger LOG = Logger.getLogger(StaffEvents.class);

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.STAFF)
                .on(SupervisorAssigned.class, this::supervisorAssigned)
                .build();
    }

    /** The latest assignment wins: one made before the assignment already applied changes nothing. */
    void supervisorAssigned(Received<SupervisorAssigned> event) {
        Peer peer = Peer.findById(event.data().peerId());
        if (peer == null) {
            LOG.warnf("Supervisor assigned to peer %s, which matching does not know; ignored", event.data().peerId());
            return;
        }
        if (peer.supervisorAssignedAt != null && event.time().isBefore(peer.supervisorAssignedAt)) {
            LOG.infof("Supervisor assignment of %s for peer %s is older than the one applied; ignored", event.time(),
                    peer.id);
            return;
        }
        String supervisor = event.data().supervisor();
        peer.supervisor = supervisor == null || supervisor.isBlank() ? null : supervisor.strip();
        peer.supervisorAssignedAt = event.time();
    }
}
