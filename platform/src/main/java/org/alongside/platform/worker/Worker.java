package org.alongside.platform.worker;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A background loop on a daemon thread of its own, the one way Alongside runs work apart from requests. It runs a
 * round of work at once, then as each round asks: again at once, after waiting to be woken (typically by the commit
 * of a transaction that left it work) or for its poll interval, or after a back-off. A round that fails (throws) is
 * logged and backs off too. The back-off doubles from its first value up to its cap while rounds keep failing, and
 * starts again after a round that does not; wake-ups never cut it short, so a busy caller cannot make a failing
 * round retry in a tight loop. {@link #stop} ends the loop between rounds, unblocks a round waiting on I/O through
 * its stop hook, and waits for the thread.
 */
public final class Worker {

    /** What a round asks for next. */
    public enum Next {
        /** More work is waiting: run again at once. */
        AGAIN,
        /** Caught up: run again when woken, or when the poll interval has passed. */
        WAIT,
        /** Could not get on (a dependency is away): run again after the back-off. */
        BACK_OFF
    }

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        Next run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration gather;
    private final Duration firstBackOff;
    private final Duration maxBackOff;
    private final Runnable onStop;
    private final Runnable onExit;
    private final Round round;
    private final Semaphore wakeUps = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile Duration backOff = Duration.ZERO;
    /** When the last round ended ({@link System#nanoTime}); read and written on the worker's thread only. */
    private long lastRoundEnded = System.nanoTime();

    private Worker(Builder builder, Round round) {
        this.name = builder.name;
        this.pollInterval = builder.pollInterval;
        this.gather = builder.gather;
        this.firstBackOff = builder.firstBackOff;
        this.maxBackOff = builder.maxBackOff;
        this.onStop = builder.onStop;
        this.onExit = builder.onExit;
        this.round = round;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Starts the thread: the first round runs at once. */
    public Worker start() {
        thread.start();
        return this;
    }

    /** Asks for a round as soon as the current one (or the current wait) is over; wake-ups add up to one round. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Wakes the worker once the caller's transaction has committed, when the work it wrote is there to see. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    /** True once {@link #stop} was called: a long round checks it between steps. */
    public boolean stopping() {
        return stopped.getCount() == 0;
    }

    /**
     * Ends the loop: no round starts after this, a wait or back-off ends at once, and the stop hook unblocks the
     * round in progress. Returns true when the thread ended within {@code grace}.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        stopped.countDown();
        wakeUp();
        onStop.run();
        thread.join(Math.max(1, grace.toMillis()));
        return !thread.isAlive();
    }

    /** The back-off the worker waits (or last waited) before its next round; zero after a round that did not fail. */
    Duration backOff() {
        return backOff;
    }

    private void loop() {
        try {
            while (!stopping()) {
                Next next;
                Exception failure = null;
                try {
                    next = Objects.requireNonNull(round.run(), "a round must say what comes next");
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    next = Next.BACK_OFF;
                    failure = e;
                }
                lastRoundEnded = System.nanoTime();
                if (stopping()) {
                    break;
                }
                if (next != Next.BACK_OFF) {
                    backOff = Duration.ZERO;
                    if (next == Next.WAIT) {
                        waitForWork();
                    }
                    continue;
                }
                backOff = backOff.isZero() ? firstBackOff : min(backOff.multipliedBy(2), maxBackOff);
                if (failure != null) {
                    LOG.warnf("%s failed (retrying in %d ms): %s", name, backOff.toMillis(), failure);
                }
                pause(backOff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onExit.run();
        }
    }

    private void waitForWork() throws InterruptedException {
        boolean woken = pollInterval == null ? acquireForever() : wakeUps.tryAcquire(pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        if (woken && !gather.isZero()) {
            // Commits arriving while the last round ran or just after it: let the ones committing alongside land in
            // the same round, starting it no sooner than the gathering time after the last one ended. A wake-up after
            // a quiet spell starts the round at once, so a lone commit does not wait for company that is not coming.
            long gathered = System.nanoTime() - lastRoundEnded;
            if (gathered < gather.toNanos()) {
                pause(gather.minusNanos(gathered));
            }
        }
        wakeUps.drainPermits();
    }

    private boolean acquireForever() throws InterruptedException {
        wakeUps.acquire();
        return true;
    }

    /** Waits {@code duration}, or until stopped; wake-ups do not end it. */
    private void pause(Duration duration) throws InterruptedException {
        stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** How a worker waits and backs off. */
    public static final class Builder {

        private final String name;
        private Duration pollInterval;
        private Duration gather = Duration.ZERO;
        private Duration firstBackOff = Duration.ofMillis(200);
        private Duration maxBackOff = Duration.ofSeconds(5);
        private Runnable onStop = () -> {
        };
        private Runnable onExit = () -> {
        };

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** After a round that asks to WAIT, run again this long after, unless woken sooner (default: when woken). */
        public Builder pollEvery(Duration interval) {
            this.pollInterval = positive(interval, "poll interval");
            return this;
        }

        /**
         * After a wake-up, start the round no sooner than this after the last round ended, so work committed together
         * is done together; a wake-up after a longer quiet spell runs the round at once.
         */
        public Builder gatherAfterWakeUp(Duration gather) {
            if (gather.isNegative()) {
                throw new IllegalArgumentException(name + ": the gathering time cannot be negative");
            }
            this.gather = gather;
            return this;
        }

        /** The first back-off after a failing round, doubling up to {@code max} (default: 200 ms up to 5 s). */
        public Builder backOff(Duration first, Duration max) {
            this.firstBackOff = positive(first, "first back-off");
            if (max.compareTo(first) < 0) {
                throw new IllegalArgumentException(name + ": the back-off cap is below its first value");
            }
            this.maxBackOff = max;
            return this;
        }

        /** Runs on the stopping thread to unblock a round waiting on I/O, e.g. {@code KafkaConsumer.wakeup()}. */
        public Builder onStop(Runnable hook) {
            this.onStop = Objects.requireNonNull(hook);
            return this;
        }

        /** Runs on the worker's thread when its loop ends, to close what its rounds opened. */
        public Builder onExit(Runnable hook) {
            this.onExit = Objects.requireNonNull(hook);
            return this;
        }

        /** The worker, not yet started: keep it where its rounds can see it, then {@link Worker#start}. */
        public Worker build(Round round) {
            return new Worker(this, Objects.requireNonNull(round));
        }

        private Duration positive(Duration duration, String what) {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + ": the " + what + " must be positive, not " + duration);
            }
            return duration;
        }
    }
}
