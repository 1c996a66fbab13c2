package org.alongside.console.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Loads the parts of a page at the same time rather than one after another: a referral's page asks three services
 * for five things, each a few milliseconds' wait, and the page takes as long as the slowest instead of their sum.
 * Each part is loaded with the request's context (the signed-in person's token), on threads of its own, so a page
 * waiting for its parts never holds a thread its parts need.
 */
@ApplicationScoped
public class Parts {

    /** Parts loading at once across every page; more wait their turn. */
    private static final int THREADS = 16;

    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(THREADS)
            .propagated(ThreadContext.ALL_REMAINING).build();

    /** Starts loading now; {@link Pending#part()} or {@link Pending#get()} waits for it. */
    public <T> Pending<T> load(Supplier<T> load) {
        return new Pending<>(executor.supplyAsync(load));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Something on its way from a service. */
    public static final class Pending<T> {

        private final CompletableFuture<T> loading;

        private Pending(CompletableFuture<T> loading) {
            this.loading = loading;
        }

        /** What was loaded, or what went wrong thrown here as if it had been loaded on this thread. */
        public T get() {
            try {
                return loading.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** As a part of the page: unavailable when its service is, which the page then says. */
        public Part<T> part() {
            return Part.of(this::get);
        }
    }
}
