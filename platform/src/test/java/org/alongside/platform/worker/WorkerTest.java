package org.alongside.platform.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop every background job runs on: woken by commits, backing off from failures, stopping cleanly. */
class WorkerTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<Worker> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Worker worker : started) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aWaitingWorkerRunsAtOnceWhenWokenAndNotBefore() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.named("test-wake-up").pollEvery(LONG), () -> {
            rounds.incrementAndGet();
            return Worker.Next.WAIT;
        });
        await().atMost(PATIENCE).until(() -> rounds.get() == 1); // the first round runs at start
        worker.wakeUp();
        await().atMost(PATIENCE).until(() -> rounds.get() == 2);
        worker.wakeUp();
        await().atMost(PATIENCE).until(() -> rounds.get() == 3);
        assertTrue(worker.stop(PATIENCE), "a worker waiting an hour stops at once");
        assertEquals(3, rounds.get());
    }

    @Test
    void aWakeUpSoonAfterARoundWaitsOutTheGatheringTimeSoWorkCommittedTogetherIsDoneTogether() {
        Duration gather = Duration.ofSeconds(2);
        ConcurrentLinkedQueue<Long> roundsStarted = new ConcurrentLinkedQueue<>();
        AtomicReference<Long> firstEnded = new AtomicReference<>();
        Worker worker = start(Worker.named("test-gather-busy").pollEvery(LONG).gatherAfterWakeUp(gather), () -> {
            roundsStarted.add(System.nanoTime());
            firstEnded.compareAndSet(null, System.nanoTime());
            return Worker.Next.WAIT;
        });
        await().atMost(PATIENCE).until(() -> firstEnded.get() != null);
        worker.wakeUp();
        worker.wakeUp();
        await().atMost(PATIENCE).until(() -> roundsStarted.size() == 2);
        long secondStarted = new ArrayList<>(roundsStarted).get(1);
        assertTrue(secondStarted - firstEnded.get() >= gather.toNanos(),
                "the round woken within the gathering time started no sooner than that after the last one ended");
    }

    @Test
    void aWakeUpAfterAQuietSpellRunsTheRoundWithoutGathering() {
        Duration gather = Duration.ofSeconds(2);
        AtomicReference<Long> lastEnded = new AtomicReference<>();
        AtomicReference<Long> secondStarted = new AtomicReference<>();
        Worker worker = start(Worker.named("test-gather-quiet").pollEvery(LONG).gatherAfterWakeUp(gather), () -> {
            if (lastEnded.get() != null) {
                secondStarted.set(System.nanoTime());
            }
            lastEnded.set(System.nanoTime());
            return Worker.Next.WAIT;
        });
        await().atMost(PATIENCE).until(() -> lastEnded.get() != null);
        await().atMost(PATIENCE).until(() -> System.nanoTime() - lastEnded.get() > gather.toNanos());
        long wokenAt = System.nanoTime();
        worker.wakeUp();
        await().atMost(PATIENCE).until(() -> secondStarted.get() != null);
        assertTrue(secondStarted.get() - wokenAt < gather.toNanos(),
                "a lone commit after a quiet spell is not held back for the gathering time");
    }

    @Test
    void aCommitWakesTheWorkerAndARollbackDoesNot() {
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.named("test-commit"), () -> {
            rounds.incrementAndGet();
            return Worker.Next.WAIT;
        });
        await().atMost(PATIENCE).until(() -> rounds.get() == 1);
        Transactions rolledBack = new Transactions();
        worker.wakeUpAfterCommit(rolledBack);
        rolledBack.complete(Status.STATUS_ROLLEDBACK);
        Transactions committed = new Transactions();
        worker.wakeUpAfterCommit(committed);
        assertEquals(1, rounds.get(), "nothing is woken before the transaction completes");
        committed.complete(Status.STATUS_COMMITTED);
        await().atMost(PATIENCE).until(() -> rounds.get() == 2);
    }

    @Test
    void aWorkerAskingForMoreRunsAgainWithoutWaiting() {
        AtomicInteger rounds = new AtomicInteger();
        start(Worker.named("test-again").pollEvery(LONG),
                () -> rounds.incrementAndGet() < 5 ? Worker.Next.AGAIN : Worker.Next.WAIT);
        await().atMost(PATIENCE).until(() -> rounds.get() == 5);
    }

    @Test
    void failingRoundsBackOffDoublingToTheCapAndASuccessfulRoundStartsItAgain() throws Exception {
        // each round records the back-off the worker waited before it, and when it started
        List<Duration> waited = Collections.synchronizedList(new ArrayList<>());
        List<Long> startedAt = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Boolean> fails = new ConcurrentLinkedQueue<>(
                List.of(true, true, true, true, false, true, false));
        AtomicReference<Worker> self = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        self.set(start(Worker.named("test-back-off").pollEvery(Duration.ofMillis(10))
                .backOff(Duration.ofMillis(50), Duration.ofMillis(200)), () -> {
                    ready.await();
                    startedAt.add(System.nanoTime());
                    waited.add(self.get().backOff());
                    if (Boolean.TRUE.equals(fails.poll())) {
                        throw new IllegalStateException("the broker is away");
                    }
                    return Worker.Next.WAIT;
                }));
        ready.countDown();
        await().atMost(PATIENCE).until(() -> waited.size() >= 8);

        assertEquals(List.of(0L, 50L, 100L, 200L, 200L, 0L, 50L, 0L),
                List.copyOf(waited).subList(0, 8).stream().map(Duration::toMillis).toList());
        for (int round = 1; round < 8; round++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(startedAt.get(round) - startedAt.get(round - 1));
            assertTrue(gap >= waited.get(round).toMillis(), "round " + round + " came " + gap + " ms after the last");
        }
    }

    @Test
    void wakeUpsDoNotCutABackOffShort() {
        List<Long> startedAt = Collections.synchronizedList(new ArrayList<>());
        Worker worker = start(Worker.named("test-busy").backOff(Duration.ofMillis(700), Duration.ofMillis(700)),
                () -> {
                    startedAt.add(System.nanoTime());
                    throw new IllegalStateException("still away");
                });
        await().atMost(PATIENCE).until(() -> startedAt.size() == 1);
        for (int i = 0; i < 20; i++) {
            worker.wakeUp();
        }
        await().atMost(PATIENCE).until(() -> startedAt.size() >= 2);
        long gap = TimeUnit.NANOSECONDS.toMillis(startedAt.get(1) - startedAt.get(0));
        assertTrue(gap >= 700, "the second round came after " + gap + " ms");
    }

    @Test
    void stoppingUnblocksTheRoundInProgressAndRunsTheExitHookOnce() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch inRound = new CountDownLatch(1);
        AtomicInteger exits = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.named("test-stop").onStop(blocked::countDown).onExit(exits::incrementAndGet),
                () -> {
                    rounds.incrementAndGet();
                    inRound.countDown();
                    blocked.await(); // e.g. a Kafka poll, which the stop hook wakes
                    return Worker.Next.AGAIN;
                });
        assertTrue(inRound.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertFalse(worker.stopping());
        assertTrue(worker.stop(PATIENCE), "the worker ended within the grace period");
        assertTrue(worker.stopping());
        assertEquals(1, exits.get());
        assertEquals(1, rounds.get(), "no round starts once stopping");
    }

    @Test
    void aWorkerBackingOffStopsAtOnce() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.named("test-stop-back-off").backOff(LONG, LONG), () -> {
            rounds.incrementAndGet();
            return Worker.Next.BACK_OFF;
        });
        await().atMost(PATIENCE).until(() -> rounds.get() == 1);
        assertTrue(worker.stop(PATIENCE));
    }

    @Test
    void nonsensicalTimingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Worker.named("x").pollEvery(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> Worker.named("x").backOff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Worker.named("x").gatherAfterWakeUp(Duration.ofMillis(-1)));
    }

    private Worker start(Worker.Builder builder, Worker.Round round) {
        Worker worker = builder.build(round);
        started.add(worker);
        return worker.start();
    }

    /** The one transaction a test completes by hand. */
    private static final class Transactions implements TransactionSynchronizationRegistry {

        private final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
