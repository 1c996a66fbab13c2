package org.alongside.console.coordinator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.matching.Matching;
import org.alongside.console.api.matching.MatchingClient;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;
import org.alongside.console.web.Part;
import org.alongside.console.web.Parts;

/**
 * A peer as a coordinator sees them, and workforce continuity: their status and places, set here (on leave, left,
 * back); when the peer leaves or goes on leave, the people they support now, each with a transfer to another peer
 * (chosen here, or proposed afresh for the person to choose).
 */
@Path("/coordinator/peers/{peerId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class PeerPage {

    /**
     * A person the peer supports, named from referral-service (a part of the page that may be unavailable), with
     * their transfer form: the one posted keeps what was chosen and its errors.
     */
    public record Person(Matching.CurrentPerson current, Part<Referrals.Referral> referral, Form transfer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance peer(Matching.Peer peer, List<Person> people, List<Matching.Peer> others,
                Form errors, Form status, String notice, List<String> reasons, List<String> statuses);
    }

    private static final String TRANSFERRED =
            "Transferred. Their sessions and goals stay with them; their history shows both peers.";

    private final MatchingClient matching;
    private final ReferralClient referrals;
    private final Parts parts;

    PeerPage(MatchingClient matching, ReferralClient referrals, Parts parts) {
        this.matching = matching;
        this.referrals = referrals;
        this.parts = parts;
    }

    @GET
    public TemplateInstance page(@PathParam("peerId") UUID peerId, @QueryParam("transferred") UUID transferred,
            @QueryParam("done") String done) {
        return render(peerId, Form.empty(), null, transferred != null ? TRANSFERRED
                : "status".equals(done) ? "Status and places saved." : null);
    }

    /**
     * Status and places: ON_LEAVE or LEFT takes the peer out of matching, and the people they support stay with them
     * until each is transferred, which this page then offers.
     */
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeStatus(@PathParam("peerId") UUID peerId, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Integer capacity = Forms.integer(form, "capacity");
        if (form.valid()) {
            try {
                matching.changeStatus(peerId, Forms.blank(form.value("status")), capacity);
                return Response.seeOther(URI.create("/coordinator/peers/" + peerId + "?done=status")).build();
            } catch (ServiceRefused e) {
                // 409: places below the people the peer supports now (field capacity), beside it as a 400's are
                if (!e.isInvalidInput() && e.status() != 409) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(render(peerId, form, form, null)).build();
    }

    @POST
    @Path("people/{referralId}/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("peerId") UUID peerId, @PathParam("referralId") UUID referralId,
            MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String chosen = Forms.blank(form.value("peerId"));
        UUID to = chosen == null ? null : Forms.uuid(form, "peerId", "must be one of the peers listed");
        if (form.valid()) {
            try {
                matching.transfer(referralId, new Matching.Transfer(Forms.blank(form.value("reason")), to));
                return Response.seeOther(URI.create("/coordinator/peers/" + peerId + "?transferred=" + referralId))
                        .build();
            } catch (ServiceRefused e) {
                // 409 and 422 name the field (peerId: full, not active, ruled out) as 400 does
                if (!e.isInvalidInput() && e.status() != 409) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(render(peerId, form.with("referralId", referralId.toString()), null,
                null)).build();
    }

    /**
     * posted: the form that was sent (a transfer names its referralId), or an empty one; status: the status form as
     * posted, or null for the peer's as held.
     */
    private TemplateInstance render(UUID peerId, Form posted, Form status, String notice) {
        var people = parts.load(() -> matching.people(peerId));
        Matching.Peer peer = matching.peer(peerId);
        Form statusForm = status != null ? status : Form.empty().with("status", peer.status())
                .with("capacity", String.valueOf(peer.capacity()));
        String reason = "LEFT".equals(peer.status()) ? "PEER_LEFT" : "ON_LEAVE".equals(peer.status()) ? "PEER_ON_LEAVE"
                : null;
        List<Matching.CurrentPerson> current = people.get();
        // the peers to transfer to, and each person's name, all asked for at once
        var active = current.isEmpty() ? null : parts.load(() -> matching.peers("ACTIVE", 0, 200).items());
        List<Parts.Pending<Referrals.Referral>> names = current.stream()
                .map(p -> parts.load(() -> referrals.get(p.referralId()))).toList();
        List<Person> named = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Matching.CurrentPerson p = current.get(i);
            named.add(new Person(p, names.get(i).part(), posted.value("referralId").equals(p.referralId().toString())
                    ? posted : Form.empty().with("reason", reason)));
        }
        List<Matching.Peer> others = active == null ? List.of() : active.get().stream()
                .filter(p -> !p.id().equals(peerId) && p.freePlaces() > 0).toList();
        return Templates.peer(peer, named, others, posted, statusForm, notice, Matching.TRANSFER_REASONS,
                Matching.PEER_STATUSES);
    }
}
