package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** FHIR R4 as the NHS uses it: the systems and codes Alongside reads and writes. */
@ApplicationScoped
public class FhirProfile {

    public static final String MEDIA_TYPE = "application/fhir+json";
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

    /** Parsing a context is costly; one per application, shared (it is thread-safe). */
    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
