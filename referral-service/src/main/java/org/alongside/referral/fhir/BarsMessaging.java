package org.alongside.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.alongside.referral.lifecycle.Referral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * BaRS referral requests by FHIR messaging ({@code $process-message}): a message Bundle whose MessageHeader's event
 * is a referral request and whose focus is the ServiceRequest. A message that can be answered (it has a
 * MessageHeader with an id) gets a response message: {@code ok} with the referral's ServiceRequest and Task, or
 * {@code fatal-error} with an OperationOutcome naming each problem's FHIR path, having written nothing. A resend
 * of a processed message (the same Bundle.id and MessageHeader.id from the same sender) gets the same response and
 * creates nothing.
 */
@ApplicationScoped
public class BarsMessaging {

    /** The referral request events taken: BaRS's, the NHS message-event one, and BaRS's first examples' one. */
    private static final Set<String> REFERRAL_EVENTS = Set.of(
            FhirProfile.BARS_EVENTS + "|" + FhirProfile.REFERRAL_REQUEST_EVENT,
            FhirProfile.NHS_EVENTS + "|" + FhirProfile.REFERRAL_REQUEST_EVENT,
            FhirProfile.NHS_EVENTS + "|" + FhirProfile.LEGACY_REFERRAL_EVENT);
    private static final String SERVICE_REQUEST_CATEGORY = "https://fhir.nhs.uk/CodeSystem/message-category-servicerequest";
    private static final String HEADER = ServiceRequestReader.entryPath(0);
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirIntake intake;
    private final ReferralFhirWriter writer;
    private final Clock clock;

    BarsMessaging(FhirIntake intake, ReferralFhirWriter writer, Clock clock) {
        this.intake = intake;
        this.writer = writer;
        this.clock = clock;
    }

    /** The response message (to send with 200), or a refusal to answer at all (400) when there is no message. */
    public Bundle process(Bundle message, String base, String idempotencyKey) {
        MessageHeader header = header(message);
        String headerId = header.getIdElement().getIdPart();
        String bundleId = message.getIdElement().getIdPart();
        try {
            ServiceRequestReader.Read read = ServiceRequestReader.fromBundle(message, focus(message, header),
                    header.getSender());
            FhirIntake.Received received = intake.receive(read, idempotencyKey, new FhirIntake.MessageIdentity(
                    intake.sender(), bundleId, headerId), Response.Status.OK);
            if (!received.message().headerId.equals(headerId)) {
                return failure(header, base, new FhirIntakeException(400, List.of(new FhirIntakeException.Issue(
                        "duplicate", "Bundle.id", "Bundle.id '" + bundleId + "' was already used by the message "
                        + "with MessageHeader.id '" + received.message().headerId + "': every message needs a "
                        + "Bundle.id of its own"))));
            }
            return success(header, base, received.message(), received.referral());
        } catch (FhirIntakeException e) {
            if (e.status() != 400) {
                throw e;
            }
            return failure(header, base, e);
        }
    }

    /** The message's identity is kept as sent, so it must be what FHIR allows an id to be, and no longer. */
    private static void requireFhirId(IdType id, String expression, List<FhirIntakeException.Issue> issues) {
        if (id.hasIdPart() && !FHIR_ID.matcher(id.getIdPart()).matches()) {
            issues.add(new FhirIntakeException.Issue("value", expression, expression
                    + " must be a FHIR id: 1 to 64 letters, digits, '-' and '.'"));
        }
    }

    /**
     * What a message needs before it can be answered at all: a Bundle.id and a first MessageHeader with an id.
     * Without them the refusal is an OperationOutcome, listing what else is wrong with the header too.
     */
    private static MessageHeader header(Bundle message) {
        if (message.getType() != Bundle.BundleType.MESSAGE) {
            throw FhirIntakeException.invalid("Bundle.type", "$process-message takes a Bundle of type 'message', "
                    + "not '" + (message.hasType() ? message.getType().toCode() : "") + "'"
                    + (message.getType() == Bundle.BundleType.TRANSACTION ? ": post transactions to /fhir" : ""));
        }
        if (!(message.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw FhirIntakeException.required(HEADER, "A message Bundle starts with its MessageHeader");
        }
        List<FhirIntakeException.Issue> issues = new ArrayList<>();
        if (!message.getIdElement().hasIdPart()) {
            issues.add(new FhirIntakeException.Issue("required", "Bundle.id",
                    "Bundle.id is required: it identifies the message, so that a resend creates nothing"));
        }
        String fullUrl = message.getEntryFirstRep().getFullUrl();
        if (!header.getIdElement().hasIdPart() && fullUrl != null && fullUrl.matches("urn:uuid:[0-9a-fA-F-]{36}")) {
            // the header's identity given as its entry's urn:uuid (what HAPI writes for an id it generated)
            header.setId(fullUrl.substring("urn:uuid:".length()));
        }
        if (!header.getIdElement().hasIdPart()) {
            issues.add(new FhirIntakeException.Issue("required", HEADER + ".id", HEADER + ".id (or a urn:uuid "
                    + "fullUrl) is required: the response message names it in MessageHeader.response.identifier"));
        }
        requireFhirId(message.getIdElement(), "Bundle.id", issues);
        requireFhirId(header.getIdElement(), HEADER + ".id", issues);
        if (!issues.isEmpty()) {
            issues.addAll(eventProblems(header));
            throw new FhirIntakeException(400, issues);
        }
        return header;
    }

    /** Whether the header says this is a new referral request: its event, definition and reason. */
    private static List<FhirIntakeException.Issue> eventProblems(MessageHeader header) {
        List<FhirIntakeException.Issue> issues = new ArrayList<>();
        Coding event = header.hasEventCoding() ? header.getEventCoding() : null;
        if (event == null || !REFERRAL_EVENTS.contains(event.getSystem() + "|" + event.getCode())) {
            String named = event == null ? header.getEvent().primitiveValue() : event.getSystem() + "|" + event.getCode();
            issues.add(new FhirIntakeException.Issue("not-supported", HEADER + ".event", "The event '" + named
                    + "' is not supported: Alongside takes referral requests (" + FhirProfile.BARS_EVENTS + "|"
                    + FhirProfile.REFERRAL_REQUEST_EVENT + ")"));
        }
        if (header.hasDefinition() && !FhirProfile.BARS_REFERRAL_DEFINITION.equals(header.getDefinition())) {
            issues.add(new FhirIntakeException.Issue("not-supported", HEADER + ".definition", "The message "
                    + "definition '" + header.getDefinition() + "' is not supported: Alongside takes referrals ("
                    + FhirProfile.BARS_REFERRAL_DEFINITION + ")"));
        }
        for (Coding reason : header.getReason().getCoding()) {
            if (reason.hasCode() && !"new".equals(reason.getCode())) {
                issues.add(new FhirIntakeException.Issue("not-supported", HEADER + ".reason", "The reason '"
                        + reason.getCode() + "' is not supported: Alongside takes new referrals; to withdraw or "
                        + "correct one, contact the service"));
            }
        }
        return issues;
    }

    /** The entry of the referral's ServiceRequest, after checking the message is a referral request. */
    private static int focus(Bundle message, MessageHeader header) {
        List<FhirIntakeException.Issue> problems = eventProblems(header);
        if (!problems.isEmpty()) {
            throw new FhirIntakeException(400, problems);
        }
        if (!header.hasFocus()) {
            throw FhirIntakeException.required(HEADER + ".focus",
                    HEADER + ".focus is required: the ServiceRequest of the referral");
        }
        List<Reference> focus = header.getFocus();
        var resolver = ServiceRequestReader.resolverFor(message);
        for (Reference reference : focus) {
            Optional<ServiceRequestReader.Located> found = resolver.apply(reference)
                    .filter(l -> l.resource() instanceof ServiceRequest);
            if (found.isPresent()) {
                ServiceRequest request = (ServiceRequest) found.get().resource();
                for (CodeableConcept category : request.getCategory()) {
                    for (Coding coding : category.getCoding()) {
                        if (SERVICE_REQUEST_CATEGORY.equals(coding.getSystem()) && !"referral".equals(coding.getCode())) {
                            throw FhirIntakeException.notSupported(found.get().path() + ".category",
                                    "A ServiceRequest of category '" + coding.getCode() + "' is not supported: "
                                    + "Alongside takes referrals");
                        }
                    }
                }
                String path = found.get().path();
                return Integer.parseInt(path.substring("Bundle.entry[".length(), path.indexOf(']')));
            }
        }
        throw FhirIntakeException.invalid(HEADER + ".focus[0]", HEADER + ".focus[0] ('"
                + focus.get(0).getReference() + "') must reference the ServiceRequest sent in this message");
    }

    private Bundle success(MessageHeader request, String base, FhirMessage processed, Referral referral) {
        Bundle response = response(request, base, processed.responseId, processed.receivedAt,
                MessageHeader.ResponseType.OK);
        MessageHeader header = (MessageHeader) response.getEntryFirstRep().getResource();
        String serviceRequest = base + "/ServiceRequest/" + referral.id;
        String task = base + "/Task/" + referral.id;
        header.addFocus(new Reference(serviceRequest)).addFocus(new Reference(task));
        response.addEntry().setFullUrl(serviceRequest).setResource(writer.serviceRequest(referral));
        response.addEntry().setFullUrl(task).setResource(writer.task(referral));
        return response;
    }

    private Bundle failure(MessageHeader request, String base, FhirIntakeException refusal) {
        UUID id = UUID.randomUUID();
        Bundle response = response(request, base, id, OffsetDateTime.now(clock), MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = Outcomes.of(refusal.issues());
        String outcomeUrl = "urn:uuid:" + UUID.randomUUID();
        ((MessageHeader) response.getEntryFirstRep().getResource()).getResponse()
                .setDetails(new Reference(outcomeUrl));
        response.addEntry().setFullUrl(outcomeUrl).setResource(outcome);
        return response;
    }

    private static Bundle response(MessageHeader request, String base, UUID id, OffsetDateTime at,
            MessageHeader.ResponseType code) {
        Bundle response = new Bundle().setType(Bundle.BundleType.MESSAGE);
        response.setId(id.toString());
        response.getMeta().addProfile(FhirProfile.UK_CORE_BUNDLE);
        response.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id));
        response.setTimestamp(Date.from(at.toInstant()));
        MessageHeader header = new MessageHeader();
        header.setId(id.toString());
        header.getMeta().addProfile(FhirProfile.UK_CORE_MESSAGE_HEADER);
        header.setEvent(request.getEvent().copy());
        header.getSource().setName("Alongside referral-service").setEndpoint(base + "/$process-message");
        if (request.hasSource() && request.getSource().hasEndpoint()) {
            header.addDestination().setEndpoint(request.getSource().getEndpoint());
        }
        header.getResponse().setIdentifier(request.getIdElement().getIdPart()).setCode(code);
        response.addEntry().setFullUrl("urn:uuid:" + id).setResource(header);
        return response;
    }
}
