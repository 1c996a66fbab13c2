package org.alongside.matching.proposals;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.taxonomy.Taxonomies;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/waiting")
@Tag(name = "Proposals")
@Produces(MediaType.APPLICATION_JSON)
public class WaitingResource {

    private final Taxonomies taxonomies;

    WaitingResource(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    @Schema(name = "WaitingCondition")
    public record NeededCondition(String snomedCode, String display, ConditionKind kind,
            @Schema(description = "Its taxonomy group", example = "respiratory") String group) {
    }

    @Schema(name = "WaitingReferral", description = "A referral no peer fits now, and what it needs")
    public record WaitingReferral(UUID referralId, OffsetDateTime acceptedAt, OffsetDateTime waitingSince,
            @Schema(example = "No peer fits yet: of 6 peers, 2 on leave, 4 at capacity") String waitingReason,
            List<NeededCondition> conditions, List<Setting> settings, List<Medium> media, Gender peerGender,
            String language,
            boolean interpreterNeeded, String locality) {
    }

    @Schema(name = "WaitingList")
    public record WaitingList(List<WaitingReferral> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listWaitingReferrals",
            summary = "Referrals waiting for a peer, longest waiting first, each with why",
            description = "They are matched again on their own as soon as a peer who fits is added or frees a place; "
                    + "the reasons say what would help (more capacity, a format, a language, a peer's return).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WaitingList.class)))
    public WaitingList list(@QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = Referral.<Referral>find("status", Sort.ascending("waitingSince", "id"), MatchingStatus.WAITING);
        query.page(Page.of(page, size));
        Taxonomy taxonomy = taxonomies.current();
        List<WaitingReferral> items = query.list().stream().map(r -> new WaitingReferral(r.id, r.acceptedAt,
                r.waitingSince, r.waitingReason,
                r.conditions.stream().map(c -> new NeededCondition(c.snomedCode(), c.display(), c.kind(),
                        taxonomy.groupOf(c.snomedCode(), c.kind()).id())).toList(),
                r.settings, r.media, r.peerGender, r.language, r.interpreterNeeded, r.locality)).toList();
        return new WaitingList(items, page, size, query.count());
    }
}
