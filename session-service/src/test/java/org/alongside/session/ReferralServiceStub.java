package org.alongside.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for referral-service's {@code GET /referrals?peerId=}, the one external service session-service calls
 * (for the caseload's names): starting the real referral-service and its database for that alone would cost more
 * than the whole of these tests. It answers what a test told it for a peer, in referral-service's published shape,
 * and remembers the Authorization header it was sent. A test gets it in a field annotated {@link Stub}.
 */
public class ReferralServiceStub implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Stub {
    }

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private HttpServer server;

    /** The page of referrals referral-service answers for this peer (a JSON object). */
    public void answer(UUID peerId, String page) {
        pages.put(peerId.toString(), page);
    }

    /** referral-service fails (503) for this peer. */
    public void unavailableFor(UUID peerId) {
        down.add(peerId.toString());
    }

    /** The Authorization header of the last request for this peer. */
    public String authorizationFor(UUID peerId) {
        return authorization.get(peerId.toString());
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/referrals", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.referral-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String peer = query(exchange.getRequestURI(), "peerId");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (peer != null && auth != null) {
            authorization.put(peer, auth);
        }
        int status = peer != null && down.contains(peer) ? 503 : 200;
        String body = status == 503 ? "{\"status\":503,\"title\":\"Service unavailable\"}"
                : pages.getOrDefault(peer, "{\"items\":[],\"page\":0,\"size\":200,\"total\":0}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return kv[1];
            }
        }
        return null;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(Stub.class, ReferralServiceStub.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
