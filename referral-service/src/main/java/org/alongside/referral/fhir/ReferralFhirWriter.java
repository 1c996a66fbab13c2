package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.ZoneOffset;
import java.util.Date;
import org.alongside.platform.events.support.EthnicCategory;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Alongside's referral as FHIR: the ServiceRequest with what the referrer sent (identifiers, intent, priority,
 * authoredOn, occurrence, codes) returned as sent, and its progress as a Task, whose authoredOn is when Alongside
 * received it.
 */
@ApplicationScoped
public class ReferralFhirWriter {

    private final FhirContext fhir;
    private final Instance<TaskOutputs> outputs;

    ReferralFhirWriter(FhirContext fhir, Instance<TaskOutputs> outputs) {
        this.fhir = fhir;
        this.outputs = outputs;
    }

    /** The sent elements kept with a referral, as stored (FHIR JSON of a ServiceRequest holding only them). */
    public String asStored(ServiceRequest asSent) {
        return fhir.newJsonParser().encodeResourceToString(asSent);
    }

    public ServiceRequest serviceRequest(Referral referral) {
        ServiceRequest sent = referral.fhirRequest == null ? new ServiceRequest()
                : fhir.newJsonParser().parseResource(ServiceRequest.class, referral.fhirRequest);
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id.toString());
        request.getMeta().addProfile(FhirProfile.UK_CORE_SERVICE_REQUEST)
                .setLastUpdated(Date.from(referral.updatedAt.toInstant()));
        request.addIdentifier(new Identifier().setSystem(FhirProfile.REFERRAL_ID).setValue(referral.id.toString()));
        if (sent.hasIdentifier()) {
            sent.getIdentifier().forEach(request::addIdentifier);
        } else if (referral.fhirIdentifier != null && referral.fhirIdentifier.contains("|")) {
            // referrals received before the request's elements were kept as sent: the first identifier only
            String[] parts = referral.fhirIdentifier.split("\\|", 2);
            request.addIdentifier(new Identifier().setSystem("null".equals(parts[0]) ? null : parts[0])
                    .setValue(parts[1]));
        }
        request.setStatus(switch (referral.status) {
            case RECEIVED, ACCEPTED, MATCHED, ACTIVE -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case DECLINED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
        });
        request.setIntent(sent.hasIntent() ? sent.getIntent() : ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(sent.hasPriority() ? sent.getPriority()
                : referral.urgency == Referral.Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        sent.getCategory().forEach(request::addCategory);
        request.setCode(sent.hasCode() ? sent.getCode() : new CodeableConcept().setText("Referral to peer support service")
                .addCoding(new Coding(FhirProfile.SNOMED, "461481000124109", "Referral to peer support")));
        if (sent.hasOccurrence()) {
            request.setOccurrence(sent.getOccurrence());
        }
        request.setAuthoredOnElement(sent.hasAuthoredOnElement() ? sent.getAuthoredOnElement()
                : referral.fhirRequest == null ? new DateTimeType(Date.from(referral.receivedAt.toInstant())) : null);
        sent.getReasonCode().forEach(request::addReasonCode);

        Patient patient = new Patient();
        patient.setId("patient");
        patient.getMeta().addProfile(FhirProfile.UK_CORE_PATIENT);
        if (referral.nhsNumber != null) {
            patient.addIdentifier().setSystem(FhirProfile.NHS_NUMBER).setValue(referral.nhsNumber);
        }
        // an erased referral (end of its retention period) has no name or birth date left
        if (referral.familyName != null || referral.givenName != null) {
            patient.addName().setFamily(referral.familyName).addGiven(referral.givenName);
        }
        if (referral.birthDate != null) {
            patient.setBirthDate(Date.from(referral.birthDate.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (referral.gender != null) {
            patient.setGender(Enumerations.AdministrativeGender.fromCode(referral.gender.name().toLowerCase()));
        }
        if (referral.postcode != null) {
            patient.addAddress().setPostalCode(referral.postcode);
        }
        if (referral.ethnicity != null) {
            patient.addExtension(FhirProfile.UK_CORE_ETHNIC_CATEGORY, new CodeableConcept()
                    .addCoding(new Coding(EthnicCategory.SYSTEM, referral.ethnicity, null)));
        }
        request.addContained(patient);
        request.setSubject(new Reference("#patient"));

        int n = 0;
        for (Referral.Condition c : referral.conditions) {
            Condition condition = new Condition();
            condition.setId("condition" + (++n));
            condition.getMeta().addProfile(FhirProfile.UK_CORE_CONDITION);
            condition.setSubject(new Reference("#patient"));
            CodeableConcept code = new CodeableConcept().setText(c.display());
            if (c.snomedCode() != null) {
                code.addCoding(new Coding(FhirProfile.SNOMED, c.snomedCode(), c.display()));
            }
            condition.setCode(code);
            condition.addCategory(new CodeableConcept().addCoding(
                    new Coding(FhirProfile.CONDITION_KIND, c.kind().name().toLowerCase(), c.kind().name())));
            request.addContained(condition);
            request.addReasonReference(new Reference("#" + condition.getId()));
        }
        if (referral.referrerOdsCode != null) {
            request.setRequester(new Reference().setIdentifier(new Identifier().setSystem(FhirProfile.ODS_CODE)
                    .setValue(referral.referrerOdsCode)).setDisplay(referral.referrerName));
        }
        if (referral.reason != null) {
            request.addNote(new Annotation().setText(referral.reason));
        }
        return request;
    }

    /** The referral's progress, as the referrer's system reads it (PRSB "message back to the referrer"). */
    public Task task(Referral referral) {
        Task task = new Task();
        task.setId(referral.id.toString());
        task.getMeta().addProfile(FhirProfile.UK_CORE_TASK).setLastUpdated(Date.from(referral.updatedAt.toInstant()));
        task.setStatus(taskStatus(referral.status));
        task.setBusinessStatus(new CodeableConcept().setText(referral.status.name()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setFocus(new Reference("ServiceRequest/" + referral.id));
        task.addBasedOn(new Reference("ServiceRequest/" + referral.id));
        if (referral.nhsNumber != null) {
            task.setFor(new Reference().setIdentifier(new Identifier().setSystem(FhirProfile.NHS_NUMBER)
                    .setValue(referral.nhsNumber)));
        }
        task.setAuthoredOn(Date.from(referral.receivedAt.toInstant()));
        task.setLastModified(Date.from(referral.updatedAt.toInstant()));
        if (referral.referrerOdsCode != null) {
            task.setRequester(new Reference().setIdentifier(new Identifier().setSystem(FhirProfile.ODS_CODE)
                    .setValue(referral.referrerOdsCode)));
        }
        if (referral.statusReason != null && (referral.status == ReferralStatus.DECLINED
                || referral.status == ReferralStatus.WITHDRAWN || referral.status == ReferralStatus.CLOSED)) {
            task.setStatusReason(new CodeableConcept().setText(humanise(referral.statusReason))
                    .addCoding(new Coding(FhirProfile.STATUS_REASON, referral.statusReason,
                            humanise(referral.statusReason))));
        }
        outputs.forEach(output -> output.of(referral).forEach(task::addOutput));
        return task;
    }

    /** FHIR task status for each referral status: what a GP system understands without knowing Alongside. */
    public static Task.TaskStatus taskStatus(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> Task.TaskStatus.RECEIVED;
            case ACCEPTED -> Task.TaskStatus.ACCEPTED;
            case DECLINED -> Task.TaskStatus.REJECTED;
            case WITHDRAWN -> Task.TaskStatus.CANCELLED;
            case MATCHED -> Task.TaskStatus.READY;
            case ACTIVE -> Task.TaskStatus.INPROGRESS;
            case CLOSED -> Task.TaskStatus.COMPLETED;
        };
    }

    private static String humanise(String code) {
        String words = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
