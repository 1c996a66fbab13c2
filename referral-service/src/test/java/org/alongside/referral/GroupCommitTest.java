package org.alongside.referral;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.security.Caller;
import org.alongside.platform.transaction.GroupCommit;
import org.junit.jupiter.api.Test;

/**
 * Changes requested at the same moment share one commit, and each caller still gets what its own change alone would
 * have got: its own identity while its change runs, its own failure, and nothing of a failed neighbour's. A first
 * caller holds the group running while three more hand theirs over: those three are then a group of their own.
 */
@QuarkusTest
class GroupCommitTest {

    /** What a unit saw: the transaction it ran in, and who was calling. */
    record Seen(long transaction, String caller) {
    }

    @Inject
    GroupCommit groupCommit;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void changesRequestedTogetherShareOneCommitEachAsItsOwnCaller() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, CompletableFuture<Seen>> seen = together(name -> () -> {
            audit.record(run + "-" + name, "CREATE", "GroupCommitTest", null, List.of());
            return new Seen(transaction(), caller.user());
        });

        for (var each : seen.entrySet()) {
            assertEquals(each.getKey(), each.getValue().get().caller(), "the unit ran with its own caller's identity");
            assertEquals(1, recorded(run + "-" + each.getKey()), each.getKey() + "'s change committed once");
        }
        assertEquals(1, seen.values().stream().map(f -> f.join().transaction()).distinct().count(),
                "the three handed over together committed in one transaction");
    }

    @Test
    void aFailingChangeFailsAloneAndItsNeighboursCommit() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, CompletableFuture<Seen>> seen = together(name -> () -> {
            audit.record(run + "-" + name, "CREATE", "GroupCommitTest", null, List.of());
            if (name.equals("b")) {
                throw new IllegalArgumentException("b is refused");
            }
            return new Seen(transaction(), caller.user());
        });

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> seen.get("b").get());
        assertTrue(refused.getCause() instanceof IllegalArgumentException, refused.toString());
        assertEquals("b is refused", refused.getCause().getMessage());
        assertEquals(0, recorded(run + "-b"), "nothing of the refused change was kept");
        assertEquals("a", seen.get("a").get().caller());
        assertEquals("c", seen.get("c").get().caller());
        assertEquals(1, recorded(run + "-a"));
        assertEquals(1, recorded(run + "-c"), "both neighbours of the refused change committed");
        assertNotEquals(seen.get("a").get().transaction(), seen.get("c").get().transaction(),
                "after the group failed, each ran again in a transaction of its own");
    }

    /**
     * Callers a, b and c, each on a thread of its own with its own request context and identity, hand over their units
     * while a first caller's unit holds the group running; then that one is let go.
     */
    private Map<String, CompletableFuture<Seen>> together(Function<String, Supplier<Seen>> units)
            throws InterruptedException {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Seen> first = call("first", () -> {
            firstRunning.countDown();
            try {
                assertTrue(letGo.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Seen(transaction(), caller.user());
        });
        assertTrue(firstRunning.await(60, TimeUnit.SECONDS));
        Map<String, CompletableFuture<Seen>> seen = new LinkedHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            CompletableFuture<Seen> future = new CompletableFuture<>();
            Thread thread = new Thread(() -> runAs(name, units.apply(name), future), "group-commit-" + name);
            seen.put(name, future);
            threads.add(thread);
            thread.start();
        }
        // each has handed its unit over and waits for the group running to end: parked on the group's condition, not
        // (momentarily) on its lock, where it would not yet have handed anything over
        await().atMost(Duration.ofSeconds(60)).until(() -> threads.stream()
                .allMatch(t -> LockSupport.getBlocker(t) instanceof AbstractQueuedSynchronizer.ConditionObject));
        letGo.countDown();
        assertEquals("first", first.join().caller());
        return seen;
    }

    private CompletableFuture<Seen> call(String name, Supplier<Seen> unit) {
        CompletableFuture<Seen> future = new CompletableFuture<>();
        new Thread(() -> runAs(name, unit, future), "group-commit-" + name).start();
        return future;
    }

    private void runAs(String name, Supplier<Seen> unit, CompletableFuture<Seen> future) {
        var requests = Arc.container().requestContext();
        requests.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(
                    QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build());
            future.complete(groupCommit.call(unit));
        } catch (Throwable e) {
            future.completeExceptionally(e);
        } finally {
            requests.terminate();
        }
    }

    private long transaction() {
        try (Connection connection = dataSource.getConnection();
             ResultSet result = connection.createStatement().executeQuery("SELECT txid_current()")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int recorded(String actor) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_event WHERE actor = ?")) {
            count.setString(1, actor);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
