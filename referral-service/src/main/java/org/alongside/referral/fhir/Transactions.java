package org.alongside.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.referral.lifecycle.Referral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A referral as a FHIR transaction: one ServiceRequest and the resources it refers to, each entry a POST. All of
 * it is taken or none; the answer is a transaction-response with an entry for each entry of the request, in
 * order: the ServiceRequest created (201, or 200 when its identifier named a referral already received) and the
 * others recorded with it, their location the ServiceRequest that holds them.
 */
@ApplicationScoped
public class Transactions {

    /** What a referral is made of; other resources have no place in Alongside and would be lost. */
    static final Set<String> ACCEPTED_TYPES = Set.of("ServiceRequest", "Patient", "Condition", "Organization",
            "Practitioner", "PractitionerRole", "Consent");

    private final FhirIntake intake;
    private final ReferralFhirWriter writer;

    Transactions(FhirIntake intake, ReferralFhirWriter writer) {
        this.intake = intake;
        this.writer = writer;
    }

    public Bundle process(Bundle transaction, String base, String idempotencyKey) {
        if (transaction.getType() != Bundle.BundleType.TRANSACTION) {
            String type = transaction.hasType() ? transaction.getType().toCode() : "";
            throw FhirIntakeException.invalid("Bundle.type", switch (type) {
                case "message" -> "A message Bundle goes to POST /fhir/$process-message (FHIR messaging, as BaRS "
                        + "sends referrals); POST /fhir takes a Bundle of type 'transaction'";
                case "batch" -> "Batches are not supported: send the referral as a Bundle of type 'transaction'";
                default -> "POST /fhir takes a Bundle of type 'transaction', not '" + type + "'";
            });
        }
        int request = -1;
        for (int i = 0; i < transaction.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = transaction.getEntry().get(i);
            String path = "Bundle.entry[" + i + "]";
            if (!entry.hasResource()) {
                throw FhirIntakeException.required(path + ".resource", path + ".resource is required: Alongside's "
                        + "transactions create a referral from the resources sent");
            }
            if (!entry.hasRequest() || entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                throw FhirIntakeException.notSupported(path + ".request.method", path + ".request.method must be "
                        + "POST: a referral transaction creates; reads, updates and deletes are not supported");
            }
            String type = entry.getResource().fhirType();
            if (!ACCEPTED_TYPES.contains(type)) {
                throw FhirIntakeException.notSupported(path + ".resource", "A " + type + " has no place in a "
                        + "referral transaction; it takes " + String.join(", ", acceptedTypes()));
            }
            if (entry.getResource() instanceof ServiceRequest) {
                if (request >= 0) {
                    throw FhirIntakeException.invalid(path + ".resource", "A referral transaction holds one "
                            + "ServiceRequest; another is at Bundle.entry[" + request + "]");
                }
                request = i;
            }
        }
        if (request < 0) {
            throw FhirIntakeException.required("Bundle.entry", "A referral transaction holds a ServiceRequest");
        }
        FhirIntake.Received received = intake.receive(ServiceRequestReader.fromBundle(transaction, request, null),
                idempotencyKey, null, Response.Status.OK);
        return response(transaction, request, base, received);
    }

    private Bundle response(Bundle transaction, int request, String base, FhirIntake.Received received) {
        Referral referral = received.referral();
        String location = "ServiceRequest/" + referral.id;
        Date lastModified = Date.from(referral.updatedAt.toInstant());
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.setId(UUID.randomUUID().toString());
        response.getMeta().setLastUpdated(lastModified);
        for (int i = 0; i < transaction.getEntry().size(); i++) {
            Bundle.BundleEntryComponent answer = response.addEntry();
            if (i == request) {
                answer.setFullUrl(base + "/" + location).setResource(writer.serviceRequest(referral));
                answer.getResponse().setStatus(received.created() ? "201 Created" : "200 OK").setLocation(location)
                        .setLastModified(lastModified);
            } else {
                Resource sent = transaction.getEntry().get(i).getResource();
                OperationOutcome recorded = new OperationOutcome();
                recorded.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics("The " + sent.fhirType() + " was recorded with the referral " + location
                                + " (contained in it where it describes the person or their conditions); it is not "
                                + "a resource of its own here");
                answer.getResponse().setStatus("200 OK").setLocation(location).setLastModified(lastModified)
                        .setOutcome(recorded);
            }
        }
        return response;
    }

    static List<String> acceptedTypes() {
        return ACCEPTED_TYPES.stream().sorted().toList();
    }
}
