package org.alongside.referral.fhir;

import java.time.ZoneOffset;
import java.util.Date;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** Alongside's referral as FHIR: the ServiceRequest as received, and its progress as a Task for the referrer. */
public final class ReferralFhirWriter {

    private ReferralFhirWriter() {
    }

    public static ServiceRequest serviceRequest(Referral referral) {
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id.toString());
        request.getMeta().addProfile(FhirProfile.UK_CORE_SERVICE_REQUEST);
        request.addIdentifier(new Identifier().setSystem(FhirProfile.REFERRAL_ID).setValue(referral.id.toString()));
        if (referral.fhirIdentifier != null && referral.fhirIdentifier.contains("|")) {
            String[] parts = referral.fhirIdentifier.split("\\|", 2);
            request.addIdentifier(new Identifier().setSystem("null".equals(parts[0]) ? null : parts[0])
                    .setValue(parts[1]));
        }
        request.setStatus(switch (referral.status) {
            case RECEIVED, ACCEPTED, MATCHED, ACTIVE -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case DECLINED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
        });
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(referral.urgency == Referral.Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.setCode(new CodeableConcept().setText("Referral to peer support service")
                .addCoding(new Coding(FhirProfile.SNOMED, "461481000124109", "Referral to peer support")));
        request.setAuthoredOn(Date.from(referral.receivedAt.toInstant()));

        Patient patient = new Patient();
        patient.setId("patient");
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
        request.addContained(patient);
        request.setSubject(new Reference("#patient"));

        int n = 0;
        for (Referral.Condition c : referral.conditions) {
            Condition condition = new Condition();
            condition.setId("condition" + (++n));
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
    public static Task task(Referral referral) {
        Task task = new Task();
        task.setId(referral.id.toString());
        task.setStatus(taskStatus(referral.status));
        task.setBusinessStatus(new CodeableConcept().setText(referral.status.name()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setFocus(new Reference("ServiceRequest/" + referral.id));
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
