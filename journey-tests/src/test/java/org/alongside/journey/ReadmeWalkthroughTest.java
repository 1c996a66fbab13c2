package org.alongside.journey;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alongside.platform.testing.ReadmeWalkthrough;
import org.junit.jupiter.api.Test;

/** The README's walk-through, word for word, against the packaged services (deploy/images runs it on the images). */
class ReadmeWalkthroughTest {

    private final Suite suite = Suite.get();

    @Test
    void theReadmeWalkThroughRunsAsWritten() {
        Map<String, String> urls = Stream.of(Suite.Service.values())
                .collect(Collectors.toMap(service -> service.module, suite::url));
        ReadmeWalkthrough.runAgainst(ServiceProcess.root(), urls);
    }
}
