package org.alongside.referral.fhir;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A BaRS message Alongside processed: its identity (Bundle.id, scoped to the sender; MessageHeader.id), the
 * referral it created or found, and the identity of the response it was given, which a resend gets again.
 */
@Entity
@Table(name = "fhir_message")
@IdClass(FhirMessage.Key.class)
public class FhirMessage extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String sender;
        public String bundleId;

        public Key() {
        }

        Key(String sender, String bundleId) {
            this.sender = sender;
            this.bundleId = bundleId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.sender.equals(sender) && key.bundleId.equals(bundleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sender, bundleId);
        }
    }

    @Id
    public String sender;
    @Id
    public String bundleId;
    public String headerId;
    public UUID referralId;
    public UUID responseId;
    public OffsetDateTime receivedAt;

    static Optional<FhirMessage> find(String sender, String bundleId) {
        return Optional.ofNullable(findById(new Key(sender, bundleId)));
    }
}
