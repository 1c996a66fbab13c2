package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Writes a FHIR resource in the format negotiated for the answer, JSON or XML, with HAPI's encoder. */
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
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        format.parser(fhir).encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
