package org.alongside.referral.services;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the other services answer, for referral-service's calls to their APIs: the subject access export and the
 * end-of-support summary ({@code alongside.services.*}; the local stack's ports unless {@code ALONGSIDE_<SERVICE>_URL}
 * says otherwise).
 */
@ConfigMapping(prefix = "alongside.services")
public interface ServiceUrls {

    @WithDefault("${ALONGSIDE_MATCHING_URL:http://127.0.0.1:8082}")
    String matchingUrl();

    @WithDefault("${ALONGSIDE_SESSION_URL:http://127.0.0.1:8083}")
    String sessionUrl();

    @WithDefault("${ALONGSIDE_OUTCOMES_URL:http://127.0.0.1:8084}")
    String outcomesUrl();
}
