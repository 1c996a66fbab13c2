package org.alongside.referral.fhir;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alongside.referral.lifecycle.NewReferral;
import org.alongside.referral.lifecycle.Referral;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reads a GP system's referral (UK Core ServiceRequest with its Patient, Conditions, requester and optional
 * Consent, contained or in a transaction or BaRS message Bundle) into Alongside's referral, remembering where in
 * the FHIR each field came from so a validation problem can point at the element.
 */
public final class ServiceRequestReader {

    /** Mental health concepts of the reference set; everything else defaults to PHYSICAL unless categorised. */
    static final Set<String> MENTAL_HEALTH_CODES = Set.of("35489007", "197480006", "69322001", "13746004",
            "58214004");

    /** Where each referral field lives in FHIR, for OperationOutcome.issue.expression. */
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        EXPRESSIONS.put("person.nhsNumber", "Patient.identifier.where(system='" + FhirProfile.NHS_NUMBER + "').value");
        EXPRESSIONS.put("person.givenName", "Patient.name.given");
        EXPRESSIONS.put("person.familyName", "Patient.name.family");
        EXPRESSIONS.put("person.birthDate", "Patient.birthDate");
        EXPRESSIONS.put("person.gender", "Patient.gender");
        EXPRESSIONS.put("person.postcode", "Patient.address.postalCode");
        EXPRESSIONS.put("person.phone", "Patient.telecom.where(system='phone').value");
        EXPRESSIONS.put("person.email", "Patient.telecom.where(system='email').value");
        EXPRESSIONS.put("person.language", "Patient.communication.language");
        EXPRESSIONS.put("person", "Patient");
        EXPRESSIONS.put("conditions", "Condition");
        EXPRESSIONS.put("referrer.odsCode", "ServiceRequest.requester");
        EXPRESSIONS.put("referrer", "ServiceRequest.requester");
        EXPRESSIONS.put("reason", "ServiceRequest.note.text");
        EXPRESSIONS.put("consent.peerSupport", "Consent.status");
        EXPRESSIONS.put("consent", "Consent");
    }

    /** The referral read from FHIR, with the sender's identifier and how consent was given. */
    public record Read(NewReferral referral, String identifier, Referral.ConsentSource consentSource) {
    }

    private final Function<Reference, Optional<Resource>> resolver;
    private final Consent consent;

    private ServiceRequestReader(Function<Reference, Optional<Resource>> resolver, Consent consent) {
        this.resolver = resolver;
        this.consent = consent;
    }

    /** A ServiceRequest whose Patient and Conditions are contained resources. */
    public static Read fromServiceRequest(ServiceRequest request) {
        Map<String, Resource> contained = new LinkedHashMap<>();
        for (Resource resource : request.getContained()) {
            contained.put(resource.getIdElement().getIdPart().replaceFirst("^#", ""), resource);
        }
        Consent consent = contained.values().stream().filter(Consent.class::isInstance).map(Consent.class::cast)
                .findFirst().orElse(null);
        ServiceRequestReader reader = new ServiceRequestReader(reference -> {
            if (reference.getResource() instanceof Resource resource) {
                return Optional.of(resource);
            }
            String ref = reference.getReference();
            return ref != null && ref.startsWith("#")
                    ? Optional.ofNullable(contained.get(ref.substring(1))) : Optional.empty();
        }, consent);
        return reader.read(request);
    }

    /** A Bundle of type transaction, or a BaRS message whose MessageHeader's focus is the ServiceRequest. */
    public static Read fromBundle(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.MESSAGE) {
            throw FhirIntakeException.invalid("Bundle.type",
                    "Bundle.type must be 'transaction' or 'message', not '" + bundle.getType().toCode() + "'");
        }
        Map<String, Resource> byUrl = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                byUrl.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byUrl.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }
        Function<Reference, Optional<Resource>> resolver = reference -> {
            if (reference.getResource() instanceof Resource resource) {
                return Optional.of(resource);
            }
            return Optional.ofNullable(reference.getReference()).map(byUrl::get);
        };
        ServiceRequest request;
        if (bundle.getType() == Bundle.BundleType.MESSAGE) {
            Resource first = bundle.getEntryFirstRep().getResource();
            if (!(first instanceof MessageHeader header)) {
                throw FhirIntakeException.required("Bundle.entry[0].resource",
                        "A message Bundle must start with a MessageHeader");
            }
            request = header.getFocus().stream().map(resolver).flatMap(Optional::stream)
                    .filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast).findFirst()
                    .orElseThrow(() -> FhirIntakeException.required("MessageHeader.focus",
                            "MessageHeader.focus must reference the ServiceRequest in this Bundle"));
        } else {
            List<ServiceRequest> requests = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast).toList();
            if (requests.size() != 1) {
                throw FhirIntakeException.required("Bundle.entry",
                        "A transaction Bundle must hold exactly one ServiceRequest (found " + requests.size() + ")");
            }
            request = requests.get(0);
        }
        Consent consent = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Consent.class::isInstance).map(Consent.class::cast).findFirst().orElse(null);
        Read read = new ServiceRequestReader(resolver, consent).read(request);
        String identifier = read.identifier() != null ? read.identifier()
                : bundle.hasIdentifier() ? identifier(bundle.getIdentifier()) : null;
        return new Read(read.referral(), identifier, read.consentSource());
    }

    private Read read(ServiceRequest request) {
        if (!request.hasSubject()) {
            throw FhirIntakeException.required("ServiceRequest.subject", "ServiceRequest.subject (the Patient) is required");
        }
        Patient patient = resolver.apply(request.getSubject()).filter(Patient.class::isInstance)
                .map(Patient.class::cast).orElseThrow(() -> FhirIntakeException.invalid("ServiceRequest.subject",
                        "ServiceRequest.subject must reference a Patient contained in or sent with the request"));

        List<NewReferral.Condition> conditions = new ArrayList<>();
        List<Reference> reasonReferences = request.getReasonReference();
        for (int i = 0; i < reasonReferences.size(); i++) {
            Resource resource = resolver.apply(reasonReferences.get(i)).orElseThrow(
                    invalid("ServiceRequest.reasonReference[" + conditions.size() + "]",
                            "reasonReference must point to a Condition contained in or sent with the request"));
            if (resource instanceof Condition condition) {
                conditions.add(condition(condition, "ServiceRequest.reasonReference[" + i + "]"));
            }
        }
        if (conditions.isEmpty()) {
            for (CodeableConcept code : request.getReasonCode()) {
                conditions.add(fromCode(code, null, "ServiceRequest.reasonCode"));
            }
        }
        if (conditions.isEmpty()) {
            throw FhirIntakeException.required("ServiceRequest.reasonReference",
                    "At least one Condition (reasonReference) or reasonCode is required: peer support is matched on lived experience");
        }

        String ods = requesterOds(request);
        Consent.ConsentState consentState = consent == null ? null : consent.getStatus();
        boolean agreed = consent == null || consentState == Consent.ConsentState.ACTIVE;
        Referral.ConsentSource source = consent == null ? Referral.ConsentSource.REFERRER_ATTESTATION
                : Referral.ConsentSource.FHIR_CONSENT_RESOURCE;

        NewReferral referral = new NewReferral(
                new NewReferral.Referrer(Referral.ReferrerType.GP_PRACTICE, ods, requesterName(request), null, null),
                person(patient),
                conditions,
                reasonText(request),
                List.of(),
                null,
                new NewReferral.Consent(agreed, null, null),
                null,
                null,
                request.getPriority() == ServiceRequest.ServiceRequestPriority.URGENT
                        || request.getPriority() == ServiceRequest.ServiceRequestPriority.ASAP
                        || request.getPriority() == ServiceRequest.ServiceRequestPriority.STAT
                        ? Referral.Urgency.URGENT : Referral.Urgency.ROUTINE);
        String identifier = request.hasIdentifier() ? identifier(request.getIdentifierFirstRep()) : null;
        return new Read(referral, identifier, source);
    }

    private NewReferral.Person person(Patient patient) {
        String nhsNumber = patient.getIdentifier().stream()
                .filter(id -> FhirProfile.NHS_NUMBER.equals(id.getSystem())).map(Identifier::getValue)
                .findFirst().orElse(null);
        HumanName name = patient.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL || n.getUse() == HumanName.NameUse.USUAL)
                .findFirst().orElse(patient.getNameFirstRep());
        String given = name.getGiven().stream().map(StringType::getValue).findFirst().orElse(null);
        Referral.Gender gender = switch (patient.hasGender() ? patient.getGender().toCode() : "") {
            case "female" -> Referral.Gender.FEMALE;
            case "male" -> Referral.Gender.MALE;
            case "other" -> Referral.Gender.OTHER;
            case "unknown" -> Referral.Gender.UNKNOWN;
            default -> null;
        };
        String postcode = patient.getAddress().stream().filter(a -> a.hasPostalCode()).map(a -> a.getPostalCode())
                .findFirst().orElse(null);
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE);
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL);
        String language = null;
        Boolean interpreter = null;
        for (Extension communication : patient.getExtensionsByUrl(FhirProfile.UK_CORE_NHS_COMMUNICATION)) {
            Extension lang = communication.getExtensionByUrl("language");
            if (lang != null && lang.getValue() instanceof CodeableConcept concept && concept.hasCoding()) {
                language = concept.getCodingFirstRep().getCode();
            }
            Extension needed = communication.getExtensionByUrl("interpreterRequired");
            if (needed != null && needed.getValue() != null) {
                interpreter = Boolean.valueOf(needed.getValue().primitiveValue());
            }
        }
        if (language == null && patient.hasCommunication()) {
            CodeableConcept concept = patient.getCommunicationFirstRep().getLanguage();
            language = concept.hasCoding() ? concept.getCodingFirstRep().getCode() : concept.getText();
        }
        return new NewReferral.Person(nhsNumber, given, name.getFamily(),
                patient.hasBirthDate() ? patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                        : null,
                gender, postcode, phone, email, null, language, interpreter, null);
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
                .findFirst().orElse(null);
    }

    private NewReferral.Condition condition(Condition condition, String expression) {
        if (!condition.hasCode() || (!condition.getCode().hasCoding() && !condition.getCode().hasText())) {
            throw FhirIntakeException.required("Condition.code",
                    "Condition referenced by " + expression + " has no code: a SNOMED CT coding or a text is required");
        }
        Referral.ConditionKind kind = condition.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> FhirProfile.CONDITION_KIND.equals(c.getSystem()))
                .map(c -> "mental".equalsIgnoreCase(c.getCode()) ? Referral.ConditionKind.MENTAL
                        : Referral.ConditionKind.PHYSICAL)
                .findFirst().orElse(null);
        return fromCode(condition.getCode(), kind, "Condition.code");
    }

    private static NewReferral.Condition fromCode(CodeableConcept code, Referral.ConditionKind kind,
            String expression) {
        Coding snomed = code.getCoding().stream().filter(c -> FhirProfile.SNOMED.equals(c.getSystem())).findFirst()
                .orElse(null);
        String display = snomed != null && snomed.hasDisplay() ? snomed.getDisplay() : code.getText();
        if (display == null || display.isBlank()) {
            throw FhirIntakeException.required(expression,
                    expression + " needs a display or text naming the condition");
        }
        String snomedCode = snomed == null ? null : snomed.getCode();
        Referral.ConditionKind resolved = kind != null ? kind
                : snomedCode != null && MENTAL_HEALTH_CODES.contains(snomedCode) ? Referral.ConditionKind.MENTAL
                : Referral.ConditionKind.PHYSICAL;
        return new NewReferral.Condition(snomedCode, display, resolved);
    }

    /** The requesting GP practice's ODS code, from an Organization, a PractitionerRole or a logical reference. */
    private String requesterOds(ServiceRequest request) {
        if (!request.hasRequester()) {
            return null;
        }
        Reference requester = request.getRequester();
        if (requester.hasIdentifier() && FhirProfile.ODS_CODE.equals(requester.getIdentifier().getSystem())) {
            return requester.getIdentifier().getValue();
        }
        Optional<Resource> resolved = resolver.apply(requester);
        if (resolved.isPresent() && resolved.get() instanceof PractitionerRole role && role.hasOrganization()) {
            Reference organisation = role.getOrganization();
            if (organisation.hasIdentifier() && FhirProfile.ODS_CODE.equals(organisation.getIdentifier().getSystem())) {
                return organisation.getIdentifier().getValue();
            }
            resolved = resolver.apply(organisation);
        }
        return resolved.filter(Organization.class::isInstance).map(Organization.class::cast)
                .flatMap(org -> org.getIdentifier().stream()
                        .filter(id -> FhirProfile.ODS_CODE.equals(id.getSystem())).map(Identifier::getValue)
                        .findFirst())
                .orElse(null);
    }

    private String requesterName(ServiceRequest request) {
        if (!request.hasRequester()) {
            return null;
        }
        if (request.getRequester().hasDisplay()) {
            return request.getRequester().getDisplay();
        }
        Optional<Resource> resolved = resolver.apply(request.getRequester());
        if (resolved.isPresent() && resolved.get() instanceof PractitionerRole role && role.hasPractitioner()) {
            resolved = resolver.apply(role.getPractitioner());
        }
        return resolved.map(resource -> {
            if (resource instanceof Practitioner practitioner && practitioner.hasName()) {
                return practitioner.getNameFirstRep().getNameAsSingleString();
            }
            return resource instanceof Organization organisation ? organisation.getName() : null;
        }).orElse(null);
    }

    /** The person's reason: the request's notes, else its patient instruction, else the coded reasons' text. */
    private static String reasonText(ServiceRequest request) {
        String notes = request.getNote().stream().map(Annotation::getText).filter(t -> t != null && !t.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        if (notes != null) {
            return notes;
        }
        if (request.hasPatientInstruction()) {
            return request.getPatientInstruction();
        }
        return request.getReasonCode().stream().map(CodeableConcept::getText).filter(t -> t != null && !t.isBlank())
                .findFirst().orElse(null);
    }

    private static String identifier(Identifier identifier) {
        return identifier.hasValue() ? identifier.getSystem() + "|" + identifier.getValue() : null;
    }

    private static java.util.function.Supplier<FhirIntakeException> invalid(String expression, String message) {
        return () -> FhirIntakeException.invalid(expression, message);
    }

    /** The FHIR element a referral field (as bean validation names it) came from. */
    public static String expressionFor(String field) {
        String key = field;
        while (true) {
            String expression = EXPRESSIONS.get(key.replaceAll("\\[\\d+]", ""));
            if (expression != null) {
                return expression;
            }
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                return "ServiceRequest";
            }
            key = key.substring(0, dot);
        }
    }
}
