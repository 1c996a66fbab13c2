package org.alongside.referral.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;

/** The CapabilityStatement: what this FHIR endpoint does, declared as it is (checked against base R4 in tests). */
final class Capabilities {

    /** When this statement last changed. */
    private static final Date CHANGED = new DateTimeType("2026-12-06").getValue();

    private Capabilities() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(base + "/metadata");
        statement.setName("AlongsideReferralService");
        statement.setTitle("Alongside referral-service FHIR R4 endpoint");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.setDate(CHANGED);
        statement.setPublisher("Alongside");
        statement.setDescription("Referrals to peer support: BaRS referral request messages ($process-message), "
                + "transaction Bundles and UK Core ServiceRequests with contained Patient and Conditions; the "
                + "referral's progress as a Task, and its end-of-support summary as a document Bundle.");
        statement.getSoftware().setName("Alongside referral-service");
        statement.getImplementation().setDescription("Alongside referral-service").setUrl(base);
        statement.addFormat(FhirProfile.MEDIA_TYPE).addFormat(FhirProfile.XML_MEDIA_TYPE);

        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("JSON or XML by Accept or _format; every error is an OperationOutcome.");
        rest.getSecurity().addService(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("A bearer JWT (Authorization: Bearer) with the role referrer, coordinator or admin; "
                        + "a referrer refers for, and sees, their own organisation only (odsCode claim). "
                        + "This statement needs no token.");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("POST /fhir with a Bundle of type transaction: one ServiceRequest and the "
                        + String.join(", ", Transactions.acceptedTypes()) + " it refers to, each a POST; answered "
                        + "with a transaction-response. A retry with the same ServiceRequest.identifier or "
                        + "Idempotency-Key creates nothing.");
        rest.addOperation().setName("process-message").setDefinition(FhirProfile.PROCESS_MESSAGE_DEFINITION)
                .setDocumentation("POST /fhir/$process-message with a BaRS referral request message; answered "
                        + "synchronously with a response message (ok, or fatal-error with an OperationOutcome).");

        CapabilityStatement.CapabilityStatementRestResourceComponent serviceRequest = rest.addResource()
                .setType("ServiceRequest").setProfile(FhirProfile.UK_CORE_SERVICE_REQUEST)
                .setDocumentation("A referral. Create with the Patient and Conditions contained; read returns what "
                        + "was sent (identifiers, intent, authoredOn, occurrence) with Alongside's status.");
        serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task")
                .setProfile(FhirProfile.UK_CORE_TASK)
                .setDocumentation("A referral's progress: received, accepted, rejected, cancelled, ready (matched), "
                        + "in-progress, completed; statusReason gives the coded reason.");
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        task.addSearchParam().setName("focus").setType(Enumerations.SearchParamType.REFERENCE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Task-focus")
                .setDocumentation("ServiceRequest/{id}: the referral whose progress to show (required)");
        rest.addResource().setType("Bundle").setDocumentation("The end-of-support summary of a closed referral "
                        + "(the Task's output, when the person consented to share with their GP): a document whose "
                        + "Composition has a section for the dates, sessions, goals, outcome measures, signposting "
                        + "and why support ended.")
                .addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);

        CapabilityStatement.CapabilityStatementMessagingComponent messaging = statement.addMessaging()
                .setDocumentation("BaRS referral requests: MessageHeader.eventCoding "
                        + FhirProfile.BARS_EVENTS + "|" + FhirProfile.REFERRAL_REQUEST_EVENT + " (also "
                        + FhirProfile.NHS_EVENTS + "|" + FhirProfile.REFERRAL_REQUEST_EVENT + ", and "
                        + FhirProfile.LEGACY_REFERRAL_EVENT + " as BaRS's first examples sent it), reason new, "
                        + "focus the ServiceRequest. A resend (same Bundle.id and MessageHeader.id from the same "
                        + "sender) gets the first response and creates nothing; that record is kept.");
        messaging.addEndpoint().setAddress(base + "/$process-message").setProtocol(new Coding(
                "http://terminology.hl7.org/CodeSystem/message-transport", "http", "HTTP"));
        messaging.addSupportedMessage().setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
                .setDefinition(FhirProfile.BARS_REFERRAL_DEFINITION);
        return statement;
    }
}
