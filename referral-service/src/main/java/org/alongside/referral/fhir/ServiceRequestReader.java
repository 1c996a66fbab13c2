package org.alongside.referral.fhir;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alongside.platform.events.support.EthnicCategory;
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
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reads a referrer's ServiceRequest (UK Core; its Patient, Conditions, requester and optional Consent contained
 * in it or sent beside it in a Bundle) into Alongside's referral. It remembers where in the request each field came
 * from, so that a problem is reported at its FHIRPath ({@code Bundle.entry[2].resource.birthDate}), and keeps the
 * elements Alongside's own fields do not hold (identifiers, intent, authoredOn, occurrence, the reason codes that
 * are not conditions) as they were sent.
 */
public final class ServiceRequestReader {

    /** The most characters taken in the system, and in the value, of the sender's identifier of a referral. */
    static final int IDENTIFIER_PART_LENGTH = 250;

    /** Mental health concepts of the reference set; everything else defaults to PHYSICAL unless categorised. */
    static final Set<String> MENTAL_HEALTH_CODES = Set.of("35489007", "197480006", "69322001", "13746004",
            "58214004");

    /** A resource of the request and its FHIRPath within the request. */
    record Located(Resource resource, String path) {
    }

    /**
     * The referral read from FHIR; the sender's identifier of it; how consent reached us; the ServiceRequest
     * elements kept as sent; and where each referral field came from.
     */
    public record Read(NewReferral referral, String identifier, Referral.ConsentSource consentSource,
            ServiceRequest asSent, Map<String, String> locations, String requestPath) {

        /** The FHIRPath of the element a referral field (as validation names it) came from, or should have. */
        public String expressionFor(String field) {
            String key = field;
            while (true) {
                String expression = locations.get(key);
                if (expression != null) {
                    return expression;
                }
                if (key.endsWith("]")) {
                    key = key.substring(0, key.lastIndexOf('['));
                } else if (key.contains(".")) {
                    key = key.substring(0, key.lastIndexOf('.'));
                } else {
                    return requestPath;
                }
            }
        }
    }

    private final Function<Reference, Optional<Located>> resolver;
    private final Located consent;
    private final Reference sender;
    private final Map<String, String> locations = new HashMap<>();

    private ServiceRequestReader(Function<Reference, Optional<Located>> resolver, Located consent, Reference sender) {
        this.resolver = resolver;
        this.consent = consent;
        this.sender = sender;
    }

    /** A ServiceRequest whose Patient and Conditions (and Consent, if any) are contained resources. */
    public static Read fromServiceRequest(ServiceRequest request) {
        Map<String, Located> contained = new LinkedHashMap<>();
        List<Resource> resources = request.getContained();
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            contained.put(resource.getIdElement().getIdPart().replaceFirst("^#", ""),
                    new Located(resource, "ServiceRequest.contained[" + i + "]"));
        }
        Located consent = contained.values().stream().filter(l -> l.resource() instanceof Consent).findFirst()
                .orElse(null);
        return new ServiceRequestReader(reference -> {
            String ref = reference.getReference();
            return ref != null && ref.startsWith("#") ? Optional.ofNullable(contained.get(ref.substring(1)))
                    : Optional.empty();
        }, consent, null).read(new Located(request, "ServiceRequest"));
    }

    /**
     * The ServiceRequest at the given entry of a transaction or message Bundle, with the resources sent beside it;
     * the message's sender (MessageHeader.sender), if any, names the referring organisation when the request does
     * not.
     */
    public static Read fromBundle(Bundle bundle, int requestEntry, Reference sender) {
        Function<Reference, Optional<Located>> resolver = resolverFor(bundle);
        Located consent = null;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Consent found) {
                consent = new Located(found, entryPath(i));
                break;
            }
        }
        return new ServiceRequestReader(resolver, consent, sender).read(new Located(
                bundle.getEntry().get(requestEntry).getResource(), entryPath(requestEntry)));
    }

    static String entryPath(int index) {
        return "Bundle.entry[" + index + "].resource";
    }

    /**
     * Resolves a reference among a Bundle's entries as FHIR says: by fullUrl (urn:uuid: or absolute), or by
     * Type/id against the entries' RESTful URLs and ids.
     */
    static Function<Reference, Optional<Located>> resolverFor(Bundle bundle) {
        Map<String, Located> byUrl = new LinkedHashMap<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            Located located = new Located(resource, entryPath(i));
            if (entry.hasFullUrl()) {
                byUrl.putIfAbsent(entry.getFullUrl(), located);
                String[] segments = entry.getFullUrl().split("/");
                if (segments.length >= 2 && entry.getFullUrl().contains("://")) {
                    byUrl.putIfAbsent(segments[segments.length - 2] + "/" + segments[segments.length - 1], located);
                }
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byUrl.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), located);
            }
        }
        return reference -> Optional.ofNullable(reference.getReference()).map(byUrl::get);
    }

    private Read read(Located located) {
        ServiceRequest request = (ServiceRequest) located.resource();
        String path = located.path();
        locations.put("referrer", path + ".requester");
        locations.put("consent", consent == null ? path : consent.path() + ".status");
        if (!request.hasSubject()) {
            throw FhirIntakeException.required(path + ".subject",
                    path + ".subject is required: the Patient being referred");
        }
        Located patient = resolver.apply(request.getSubject()).filter(l -> l.resource() instanceof Patient)
                .orElseThrow(() -> FhirIntakeException.invalid(path + ".subject", path + ".subject ('"
                        + request.getSubject().getReference() + "') must reference a Patient "
                        + "contained in or sent with the request"));

        List<NewReferral.Condition> conditions = conditions(request, path);
        String ods = requesterOds(request);
        Consent.ConsentState consentState = consent == null ? null : ((Consent) consent.resource()).getStatus();
        boolean agreed = consent == null || consentState == Consent.ConsentState.ACTIVE;
        Referral.ConsentSource source = consent == null ? Referral.ConsentSource.REFERRER_ATTESTATION
                : Referral.ConsentSource.FHIR_CONSENT_RESOURCE;

        NewReferral referral = new NewReferral(
                new NewReferral.Referrer(Referral.ReferrerType.GP_PRACTICE, ods, requesterOrganisationName(request),
                        requesterName(request), null, null),
                person(patient),
                conditions,
                reasonText(request, path),
                List.of(),
                null,
                new NewReferral.Consent(agreed, null, null),
                null,
                null,
                request.getPriority() == ServiceRequest.ServiceRequestPriority.URGENT
                        || request.getPriority() == ServiceRequest.ServiceRequestPriority.ASAP
                        || request.getPriority() == ServiceRequest.ServiceRequestPriority.STAT
                        ? Referral.Urgency.URGENT : Referral.Urgency.ROUTINE,
                null,
                null);
        String identifier = request.hasIdentifier() ? identifier(request.getIdentifierFirstRep(), path) : null;
        return new Read(referral, identifier, source, asSent(request), Map.copyOf(locations), path);
    }

    /**
     * The person's conditions: each Condition the request gives as a reason, and each reason code with a SNOMED CT
     * coding. Other reason codes (an urgency, a triage code) are not conditions: they are kept as sent, not refused.
     */
    private List<NewReferral.Condition> conditions(ServiceRequest request, String path) {
        Map<String, NewReferral.Condition> found = new LinkedHashMap<>();
        List<Reference> reasons = request.getReasonReference();
        for (int i = 0; i < reasons.size(); i++) {
            Reference reason = reasons.get(i);
            Optional<Located> resolved = resolver.apply(reason);
            if (resolved.isPresent() && resolved.get().resource() instanceof Condition condition) {
                NewReferral.Condition read = condition(condition, resolved.get().path());
                locations.put("conditions[" + found.size() + "]", resolved.get().path() + ".code");
                found.putIfAbsent(read.snomedCode() != null ? read.snomedCode() : "text:" + read.display(), read);
            } else if (resolved.isEmpty() && namesCondition(reason)) {
                throw FhirIntakeException.invalid(path + ".reasonReference[" + i + "]", path + ".reasonReference["
                        + i + "] ('" + reason.getReference() + "') must reference a Condition contained in or sent "
                        + "with the request");
            }
        }
        List<CodeableConcept> codes = request.getReasonCode();
        for (int i = 0; i < codes.size(); i++) {
            CodeableConcept code = codes.get(i);
            Coding snomed = snomed(code);
            if (snomed == null || !snomed.hasCode() || found.containsKey(snomed.getCode())) {
                continue;
            }
            String display = snomed.hasDisplay() ? snomed.getDisplay() : code.getText();
            if (display == null || display.isBlank()) {
                throw FhirIntakeException.required(path + ".reasonCode[" + i + "]", path + ".reasonCode[" + i
                        + "] needs a display or text naming the condition " + snomed.getCode());
            }
            locations.put("conditions[" + found.size() + "]", path + ".reasonCode[" + i + "]");
            found.put(snomed.getCode(), new NewReferral.Condition(snomed.getCode(), display, kind(null,
                    snomed.getCode())));
        }
        locations.put("conditions", path + (request.hasReasonReference() ? ".reasonReference" : ".reasonCode"));
        return List.copyOf(found.values());
    }

    /** A reference that says it is to a Condition (by type, a Condition/ URL or a contained id). */
    private static boolean namesCondition(Reference reference) {
        String ref = reference.getReference();
        return "Condition".equals(reference.getType())
                || (ref != null && (ref.startsWith("#") || ref.startsWith("Condition/") || ref.contains("/Condition/")));
    }

    private NewReferral.Condition condition(Condition condition, String path) {
        CodeableConcept code = condition.getCode();
        Coding snomed = snomed(code);
        String display = snomed != null && snomed.hasDisplay() ? snomed.getDisplay()
                : code.hasText() ? code.getText()
                : code.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null);
        if (display == null || display.isBlank()) {
            throw FhirIntakeException.required(path + ".code", path + ".code is required: a SNOMED CT coding with "
                    + "a display, or a text naming the condition");
        }
        Referral.ConditionKind categorised = condition.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> FhirProfile.CONDITION_KIND.equals(c.getSystem()))
                .map(c -> "mental".equalsIgnoreCase(c.getCode()) ? Referral.ConditionKind.MENTAL
                        : Referral.ConditionKind.PHYSICAL)
                .findFirst().orElse(null);
        String snomedCode = snomed == null ? null : snomed.getCode();
        return new NewReferral.Condition(snomedCode, display, kind(categorised, snomedCode));
    }

    private static Referral.ConditionKind kind(Referral.ConditionKind categorised, String snomedCode) {
        return categorised != null ? categorised
                : snomedCode != null && MENTAL_HEALTH_CODES.contains(snomedCode) ? Referral.ConditionKind.MENTAL
                : Referral.ConditionKind.PHYSICAL;
    }

    private static Coding snomed(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> FhirProfile.SNOMED.equals(c.getSystem())).findFirst()
                .orElse(null);
    }

    private NewReferral.Person person(Located located) {
        Patient patient = (Patient) located.resource();
        String path = located.path();
        locations.put("person", path);
        String nhsNumber = null;
        locations.put("person.nhsNumber", path + ".identifier");
        for (int i = 0; i < patient.getIdentifier().size(); i++) {
            Identifier id = patient.getIdentifier().get(i);
            if (FhirProfile.NHS_NUMBER.equals(id.getSystem())) {
                nhsNumber = id.getValue();
                locations.put("person.nhsNumber", path + ".identifier[" + i + "].value");
                break;
            }
        }
        int nameIndex = 0;
        for (int i = 0; i < patient.getName().size(); i++) {
            HumanName.NameUse use = patient.getName().get(i).getUse();
            if (use == HumanName.NameUse.OFFICIAL || use == HumanName.NameUse.USUAL) {
                nameIndex = i;
                break;
            }
        }
        HumanName name = patient.hasName() ? patient.getName().get(nameIndex) : new HumanName();
        String namePath = patient.hasName() ? path + ".name[" + nameIndex + "]" : path + ".name";
        locations.put("person.givenName", name.hasGiven() ? namePath + ".given[0]" : namePath + ".given");
        locations.put("person.familyName", namePath + ".family");
        locations.put("person.birthDate", path + ".birthDate");
        locations.put("person.gender", path + ".gender");
        String given = name.getGiven().stream().map(StringType::getValue).findFirst().orElse(null);
        // FHIR administrative gender, code for code
        Referral.Gender gender = switch (patient.hasGender() ? patient.getGender().toCode() : "") {
            case "female" -> Referral.Gender.FEMALE;
            case "male" -> Referral.Gender.MALE;
            case "other" -> Referral.Gender.OTHER;
            case "unknown" -> Referral.Gender.UNKNOWN;
            default -> null;
        };
        String postcode = null;
        for (int i = 0; i < patient.getAddress().size() && postcode == null; i++) {
            if (patient.getAddress().get(i).hasPostalCode()) {
                postcode = patient.getAddress().get(i).getPostalCode();
                locations.put("person.postcode", path + ".address[" + i + "].postalCode");
            }
        }
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE, path, "person.phone");
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL, path, "person.email");
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
        locations.put("person.language", path + ".extension('" + FhirProfile.UK_CORE_NHS_COMMUNICATION + "')");
        if (language == null && patient.hasCommunication()) {
            CodeableConcept concept = patient.getCommunicationFirstRep().getLanguage();
            language = concept.hasCoding() ? concept.getCodingFirstRep().getCode() : concept.getText();
            locations.put("person.language", path + ".communication[0].language");
        }
        return new NewReferral.Person(nhsNumber, given, name.getFamily(),
                patient.hasBirthDate() ? patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                        : null,
                gender, postcode, phone, email, null, language, interpreter, null, ethnicity(patient, path), null);
    }

    /**
     * The person's ethnic category from UK Core's extension, when it is coded in England's NHS ethnic category
     * (Scotland's and Wales's categories are other code sets: not mapped). FHIR carries no faith.
     */
    private String ethnicity(Patient patient, String path) {
        List<Extension> extensions = patient.getExtension();
        for (int i = 0; i < extensions.size(); i++) {
            Extension extension = extensions.get(i);
            if (FhirProfile.UK_CORE_ETHNIC_CATEGORY.equals(extension.getUrl())
                    && extension.getValue() instanceof CodeableConcept concept) {
                for (int j = 0; j < concept.getCoding().size(); j++) {
                    Coding coding = concept.getCoding().get(j);
                    if (EthnicCategory.SYSTEM.equals(coding.getSystem())) {
                        locations.put("person.ethnicity", path + ".extension[" + i + "].valueCodeableConcept.coding["
                                + j + "].code");
                        return coding.getCode();
                    }
                }
            }
        }
        return null;
    }

    private String telecom(Patient patient, ContactPoint.ContactPointSystem system, String path, String field) {
        for (int i = 0; i < patient.getTelecom().size(); i++) {
            ContactPoint point = patient.getTelecom().get(i);
            if (point.getSystem() == system) {
                locations.put(field, path + ".telecom[" + i + "].value");
                return point.getValue();
            }
        }
        return null;
    }

    /**
     * The referring organisation's ODS code: from an Organization, a PractitionerRole or a logical reference as the
     * requester, else from the message's sender.
     */
    private String requesterOds(ServiceRequest request) {
        Optional<String> ods = request.hasRequester() ? odsOf(request.getRequester()) : Optional.empty();
        return ods.or(() -> sender == null ? Optional.empty() : odsOf(sender)).orElse(null);
    }

    private Optional<String> odsOf(Reference reference) {
        if (reference.hasIdentifier() && FhirProfile.ODS_CODE.equals(reference.getIdentifier().getSystem())) {
            return Optional.ofNullable(reference.getIdentifier().getValue());
        }
        Optional<Resource> resolved = resolver.apply(reference).map(Located::resource);
        if (resolved.isPresent() && resolved.get() instanceof PractitionerRole role && role.hasOrganization()) {
            return odsOf(role.getOrganization());
        }
        return resolved.filter(Organization.class::isInstance).map(Organization.class::cast)
                .flatMap(org -> org.getIdentifier().stream()
                        .filter(id -> FhirProfile.ODS_CODE.equals(id.getSystem())).map(Identifier::getValue)
                        .findFirst());
    }

    /**
     * The referring organisation's name, where the request or message carries it: the Organization's name (or the
     * display of a reference by ODS code), from where the ODS code came from (the requester, or its PractitionerRole's
     * organisation; else the message's sender).
     */
    private String requesterOrganisationName(ServiceRequest request) {
        if (request.hasRequester() && odsOf(request.getRequester()).isPresent()) {
            return organisationNameOf(request.getRequester()).orElse(null);
        }
        return sender == null ? null : organisationNameOf(sender).orElse(null);
    }

    private Optional<String> organisationNameOf(Reference reference) {
        Optional<Resource> resolved = resolver.apply(reference).map(Located::resource);
        if (resolved.isEmpty()) {
            // a logical reference by ODS code stands for that organisation, so its display is the organisation's name
            boolean byOdsCode = reference.hasIdentifier()
                    && FhirProfile.ODS_CODE.equals(reference.getIdentifier().getSystem());
            return byOdsCode && reference.hasDisplay() ? Optional.of(reference.getDisplay().strip())
                    .filter(name -> !name.isEmpty()) : Optional.empty();
        }
        if (resolved.get() instanceof PractitionerRole role && role.hasOrganization()) {
            return organisationNameOf(role.getOrganization());
        }
        return resolved.filter(Organization.class::isInstance).map(Organization.class::cast)
                .map(Organization::getName).map(String::strip).filter(name -> !name.isEmpty());
    }

    private String requesterName(ServiceRequest request) {
        if (!request.hasRequester()) {
            return null;
        }
        if (request.getRequester().hasDisplay()) {
            return request.getRequester().getDisplay();
        }
        Optional<Resource> resolved = resolver.apply(request.getRequester()).map(Located::resource);
        if (resolved.isPresent() && resolved.get() instanceof PractitionerRole role && role.hasPractitioner()) {
            resolved = resolver.apply(role.getPractitioner()).map(Located::resource);
        }
        return resolved.map(resource -> {
            if (resource instanceof Practitioner practitioner && practitioner.hasName()) {
                return practitioner.getNameFirstRep().getNameAsSingleString();
            }
            return resource instanceof Organization organisation ? organisation.getName() : null;
        }).orElse(null);
    }

    /** The person's reason: the request's notes, else its patient instruction, else the reason codes' text. */
    private String reasonText(ServiceRequest request, String path) {
        locations.put("reason", path + ".note");
        String notes = request.getNote().stream().map(Annotation::getText).filter(t -> t != null && !t.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        if (notes != null) {
            locations.put("reason", path + ".note.text");
            return notes;
        }
        if (request.hasPatientInstruction()) {
            locations.put("reason", path + ".patientInstruction");
            return request.getPatientInstruction();
        }
        for (int i = 0; i < request.getReasonCode().size(); i++) {
            String text = request.getReasonCode().get(i).getText();
            if (text != null && !text.isBlank() && snomed(request.getReasonCode().get(i)) != null) {
                locations.put("reason", path + ".reasonCode[" + i + "].text");
                return text;
            }
        }
        return null;
    }

    /**
     * The elements Alongside's referral does not hold, as the sender sent them: a ServiceRequest with only its
     * identifiers, intent, priority, category, code, authoredOn, occurrence and reason codes.
     */
    private static ServiceRequest asSent(ServiceRequest request) {
        ServiceRequest sent = new ServiceRequest();
        request.getIdentifier().forEach(id -> sent.addIdentifier(id.copy()));
        if (request.hasIntentElement()) {
            sent.setIntentElement(request.getIntentElement().copy());
        }
        if (request.hasPriorityElement()) {
            sent.setPriorityElement(request.getPriorityElement().copy());
        }
        request.getCategory().forEach(category -> sent.addCategory(category.copy()));
        if (request.hasCode()) {
            sent.setCode(request.getCode().copy());
        }
        if (request.hasAuthoredOnElement()) {
            sent.setAuthoredOnElement(request.getAuthoredOnElement().copy());
        }
        if (request.hasOccurrence()) {
            sent.setOccurrence(request.getOccurrence().copy());
        }
        request.getReasonCode().forEach(code -> sent.addReasonCode(code.copy()));
        return sent;
    }

    /**
     * The sender's identifier of the referral, by which a resend is known. Its system and value are each held to
     * {@link #IDENTIFIER_PART_LENGTH}: the key is indexed, and PostgreSQL cannot index a value longer than a third of a
     * page.
     */
    static String identifier(Identifier identifier, String path) {
        requireLength(identifier.getSystem(), path + ".identifier[0].system");
        requireLength(identifier.getValue(), path + ".identifier[0].value");
        return identifier.hasValue() ? identifier.getSystem() + "|" + identifier.getValue() : null;
    }

    private static void requireLength(String text, String expression) {
        if (text != null && text.length() > IDENTIFIER_PART_LENGTH) {
            throw FhirIntakeException.invalid(expression, expression + " is " + text.length()
                    + " characters long; at most " + IDENTIFIER_PART_LENGTH + " are taken");
        }
    }
}
