package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes a FHIR resource in the format negotiated for the answer, JSON or XML, with HAPI's encoder: whole, then in one
 * write. HAPI's JSON encoder flushes its writer after every value, and each flush sent a chunk of its own to the
 * client: a 4 kB BaRS response went out as 94 chunks, each a hand-over to the event loop (bench/IntakeBench, JFR).
 */
@Provider
@Produces({FhirProfile.MEDIA_TYPE, FhirProfile.XML_MEDIA_TYPE})
public class FhirResourceWriter implements MessageBodyWriter<IBaseResource> {

    private final FhirContext fhir;

    FhirResourceWriter(FhirContext fhir) {
        this.fhir = fhir;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        FhirFormat format = FhirFormat.named(mediaType.toString()).orElse(FhirFormat.JSON);
        headers.putSingle("Content-Type", format.mediaType() + ";charset=UTF-8");
        out.write(format.parser(fhir).encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8));
    }
}
