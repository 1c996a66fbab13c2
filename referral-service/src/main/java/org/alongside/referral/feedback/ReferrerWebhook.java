package org.alongside.referral.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Where a referrer organisation wants to hear about its referrals. */
@Entity
@Table(name = "referrer_webhook")
public class ReferrerWebhook extends PanacheEntityBase {

    @Id
    public UUID id;
    public String odsCode;
    public String url;
    /** HMAC-SHA256 key shared with the referrer; shown once, when registered. */
    public String secret;
    public OffsetDateTime createdAt;
    public String createdBy;

    public static Optional<ReferrerWebhook> forOrganisation(String odsCode) {
        return odsCode == null ? Optional.empty() : find("odsCode", odsCode.toUpperCase()).firstResultOptional();
    }
}
