package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** FHIR R4 as the NHS uses it: the systems and codes Alongside reads and writes. */
@ApplicationScoped
public class FhirProfile {

    public static final String MEDIA_TYPE = "application/fhir+json";
    public static final String XML_MEDIA_TYPE = "application/fhir+xml";
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String REFERRAL_ID = "https://alongside.example/Id/referral";
    public static final String STATUS_REASON = "https://alongside.example/CodeSystem/referral-status-reason";
    public static final String CONDITION_KIND = "https://alongside.example/CodeSystem/condition-kind";
    public static final String UK_CORE_NHS_COMMUNICATION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication";
    public static final String UK_CORE_SERVICE_REQUEST =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";
    public static final String UK_CORE_ETHNIC_CATEGORY =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    public static final String UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    public static final String UK_CORE_CONDITION = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition";
    public static final String UK_CORE_TASK = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";
    public static final String UK_CORE_MESSAGE_HEADER =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MessageHeader";
    public static final String UK_CORE_BUNDLE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Bundle";
    public static final String UK_CORE_COMPOSITION =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Composition";
    public static final String UK_CORE_OPERATION_OUTCOME =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-OperationOutcome";

    /** BaRS: the referral request event, and the MessageDefinition of a referral (not a validation request). */
    public static final String BARS_EVENTS = "https://fhir.nhs.uk/CodeSystem/message-events-bars";
    public static final String NHS_EVENTS = "https://fhir.nhs.uk/CodeSystem/message-event";
    public static final String REFERRAL_REQUEST_EVENT = "servicerequest-request";
    /** The event BaRS's first referral examples (2021) carried, with a ServiceRequest as their focus. */
    public static final String LEGACY_REFERRAL_EVENT = "admin-notify";
    public static final String BARS_REFERRAL_DEFINITION =
            "https://fhir.nhs.uk/MessageDefinition/bars-message-servicerequest-request-referral";
    public static final String PROCESS_MESSAGE_DEFINITION =
            "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message";

    /**
     * Parsing a context is costly; one per application, shared (it is thread-safe). Its own, not HAPI's shared one,
     * because it does not contain reference targets automatically: every resource Alongside writes names its
     * contained resources itself, and HAPI otherwise walks each resource it encodes in full looking for references
     * to contain, over a third of the time it takes to encode a BaRS response (bench/IntakeBench, JFR).
     */
    @Produces
    @Singleton
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }
}
