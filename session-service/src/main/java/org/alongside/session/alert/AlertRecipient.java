package org.alongside.session.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Whose in-app feed an alert is on; only they may acknowledge it. */
@Entity
@Table(name = "alert_recipient")
@IdClass(AlertRecipient.Key.class)
public class AlertRecipient extends PanacheEntityBase {

    public enum Role { SUPERVISOR, DUTY_COORDINATOR }

    @Id
    public UUID alertId;
    @Id
    public String subject;
    @Enumerated(EnumType.STRING)
    public Role role;

    public static class Key implements Serializable {
        public UUID alertId;
        public String subject;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(alertId, key.alertId)
                    && Objects.equals(subject, key.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, subject);
        }
    }
}
