package org.alongside.referral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Assumptions;

/**
 * HAPI's instance validator, the standard's own check of what Alongside emits: against base FHIR R4, and against
 * UK Core's StructureDefinitions (data kept outside the repository, in ../shared/fhir beside the checkout; a test
 * needing them is skipped, saying so, where they are absent).
 */
final class FhirConformance {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    /** The NHS conformance material: UK Core profiles and BaRS examples. */
    static final Path SHARED = Path.of(System.getProperty("alongside.root", "..")).resolve("../shared/fhir")
            .normalize();

    private static FhirValidator base;
    private static FhirValidator ukCore;

    private FhirConformance() {
    }

    /** Fails unless the resource has no error against base R4 (profiles it declares are checked by ukCore). */
    static void assertValidR4(IBaseResource resource) {
        assertNoErrors("base R4", base(), resource);
    }

    /** Fails unless the resource has no error against base R4 and every UK Core profile it declares. */
    static void assertValidUkCore(IBaseResource resource) {
        assertNoErrors("UK Core", ukCore(), resource);
    }

    static void assumeShared() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("uk-core")) && Files.isDirectory(
                SHARED.resolve("bars-examples")), "NHS conformance material not found at " + SHARED
                + " (UK Core profiles, BaRS examples): skipped");
    }

    static String barsExample(String name) {
        assumeShared();
        try {
            return Files.readString(SHARED.resolve("bars-examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoErrors(String against, FhirValidator validator, IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertTrue(errors.isEmpty(), resource.fhirType() + " is not valid " + against + ":\n"
                + errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                        .collect(Collectors.joining("\n")) + "\n" + FHIR.newJsonParser().setPrettyPrint(true)
                        .encodeResourceToString(resource));
    }

    private static synchronized FhirValidator base() {
        if (base == null) {
            FhirInstanceValidator module = new FhirInstanceValidator(chain(null));
            // profiles Alongside declares are UK Core's, checked by ukCore(); here only the base resource
            module.setErrorForUnknownProfiles(false);
            base = FHIR.newValidator().registerValidatorModule(module);
        }
        return base;
    }

    private static synchronized FhirValidator ukCore() {
        if (ukCore == null) {
            assumeShared();
            PrePopulatedValidationSupport profiles = new PrePopulatedValidationSupport(FHIR);
            for (String folder : List.of("structuredefinitions", "valuesets", "codesystems")) {
                try (Stream<Path> files = Files.list(SHARED.resolve("uk-core").resolve(folder))) {
                    files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(file -> {
                        try {
                            profiles.addResource(FHIR.newXmlParser().parseResource(Files.readString(file)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            ukCore = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain(profiles)));
        }
        return ukCore;
    }

    private static IValidationSupport chain(IValidationSupport profiles) {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR));
        if (profiles != null) {
            chain.addValidationSupport(profiles);
        }
        chain.addValidationSupport(new SnapshotGeneratingValidationSupport(FHIR));
        chain.addValidationSupport(new InMemoryTerminologyServerValidationSupport(FHIR));
        chain.addValidationSupport(new CommonCodeSystemsTerminologyService(FHIR));
        return chain;
    }
}
