package org.alongside.referral.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One attempt to reach the person about their referral: when, how, what came of it. Its note stays here. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt extends PanacheEntityBase {

    public enum Method { PHONE, SMS, EMAIL, LETTER, IN_PERSON }

    public enum Outcome {
        REACHED(true), NO_ANSWER(false), LEFT_MESSAGE(false), WRONG_DETAILS(false),
        /** The person answered and did not want to talk: they were reached. */
        DECLINED_TO_TALK(true);

        final boolean reached;

        Outcome(boolean reached) {
            this.reached = reached;
        }
    }

    @Id
    public UUID id;
    public UUID referralId;
    public OffsetDateTime attemptedAt;
    @Enumerated(EnumType.STRING)
    public Method method;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String note;
    public String recordedBy;
    public OffsetDateTime recordedAt;
}
