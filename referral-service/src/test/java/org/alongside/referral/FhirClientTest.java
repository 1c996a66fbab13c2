package org.alongside.referral;

import static org.alongside.referral.FhirIntakeTest.message;
import static org.alongside.referral.FhirIntakeTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.alongside.platform.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HAPI's own generic client, as an integrator would use it, drives every FHIR interaction, in JSON and XML. */
@QuarkusTest
class FhirClientTest {

    @TestHTTPResource("/fhir")
    URL base;

    private IGenericClient client(EncodingEnum encoding, String token) {
        IGenericClient client = FhirConformance.FHIR.newRestfulGenericClient(base.toString());
        client.setEncoding(encoding);
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    @ParameterizedTest
    @EnumSource(value = EncodingEnum.class, names = {"JSON", "XML"})
    void aStandardClientReadsTheCapabilitiesCreatesReadsSearchesAndSendsTransactionsAndMessages(
            EncodingEnum encoding) {
        IGenericClient client = client(encoding, Tokens.referrer("B82001"));
        String unique = encoding.name() + "-" + UUID.randomUUID();

        CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertEquals("4.0.1", capabilities.getFhirVersion().toCode());
        assertEquals("process-message", capabilities.getRestFirstRep().getOperationFirstRep().getName());

        ServiceRequest request = FhirConformance.FHIR.newJsonParser().parseResource(ServiceRequest.class,
                sample("service-request-contained.json").replace("SR-555", unique));
        MethodOutcome created = client.create().resource(request).execute();
        assertTrue(created.getCreated());
        String id = created.getId().getIdPart();
        assertInstanceOf(ServiceRequest.class, created.getResource());

        ServiceRequest read = client.read().resource(ServiceRequest.class).withId(id).execute();
        assertEquals(ServiceRequest.ServiceRequestIntent.ORDER, read.getIntent());
        assertTrue(read.getIdentifier().stream().anyMatch(i -> unique.equals(i.getValue())));

        Bundle tasks = client.search().forResource(Task.class).where(Task.FOCUS.hasId("ServiceRequest/" + id))
                .returnBundle(Bundle.class).execute();
        assertEquals(1, tasks.getTotal());
        assertEquals(Task.TaskStatus.RECEIVED, ((Task) tasks.getEntryFirstRep().getResource()).getStatus());
        assertNotNull(tasks.getLink(Bundle.LINK_SELF));
        // the search entry's fullUrl resolves: the client reads the Task it names
        Task task = client.read().resource(Task.class).withUrl(tasks.getEntryFirstRep().getFullUrl()).execute();
        assertEquals(id, task.getIdElement().getIdPart());
        assertEquals(Task.TaskStatus.RECEIVED, task.getStatus());
        assertTrue(capabilities.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Task"))
                .flatMap(r -> r.getInteraction().stream())
                .anyMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.READ));

        Bundle transaction = FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class,
                sample("transaction-bundle.json").replace("TX-88120", unique));
        Bundle transactionResponse = client.transaction().withBundle(transaction).execute();
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, transactionResponse.getType());
        assertEquals("201 Created", transactionResponse.getEntryFirstRep().getResponse().getStatus());

        Bundle message = FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class,
                message(UUID.randomUUID().toString()).replace("REF-2026-000417", unique));
        Bundle response = client.operation().processMessage().setMessageBundle(message).synchronous(Bundle.class)
                .execute();
        MessageHeader header = (MessageHeader) response.getEntryFirstRep().getResource();
        assertEquals(MessageHeader.ResponseType.OK, header.getResponse().getCode());
        assertEquals("0d1a7c7e-3b1f-4d1c-9c1b-4a2f1e7b8c01", header.getResponse().getIdentifier());

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> client.read()
                .resource(ServiceRequest.class).withId(UUID.randomUUID().toString()).execute());
        assertInstanceOf(OperationOutcome.class, missing.getOperationOutcome());
        ResourceNotFoundException missingTask = assertThrows(ResourceNotFoundException.class, () -> client.read()
                .resource(Task.class).withId(UUID.randomUUID().toString()).execute());
        assertInstanceOf(OperationOutcome.class, missingTask.getOperationOutcome());
        assertThrows(AuthenticationException.class, () -> client(encoding, null).read()
                .resource(ServiceRequest.class).withId(id).execute());
    }
}
