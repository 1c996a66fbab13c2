package org.alongside.outcomes.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/instruments")
@Tag(name = "Instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    private final Instruments instruments;

    InstrumentResource(Instruments instruments) {
        this.instruments = instruments;
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.PEER_WORKER, Roles.SUPERVISOR, Roles.COMMISSIONER,
            Roles.ADMIN})
    @Operation(operationId = "listInstruments", summary = "The outcome instruments and how each is scored",
            description = "Items (with their wording where the licence allows it and it is held), answer options, "
                    + "scoring method, bands, meaningful-change threshold and its source, and the copyright line "
                    + "that must be shown with the instrument. Licensed instruments (PAM, EQ5D5L) list no items: "
                    + "their score is entered from the licensed tool.")
    @APIResponse(responseCode = "200", description = "Every instrument definition",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Instrument.class)))
    public List<Instrument> list() {
        return instruments.all();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.PEER_WORKER, Roles.SUPERVISOR, Roles.COMMISSIONER,
            Roles.ADMIN})
    @Operation(operationId = "getInstrument", summary = "One instrument's definition")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(schema = @Schema(implementation = Instrument.class)))
    public Instrument get(@PathParam("code") String code) {
        return instruments.find(code).orElseThrow(() -> ProblemException.notFound("Instrument", code));
    }
}
