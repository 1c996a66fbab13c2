package org.alongside.console.web;

import java.util.function.Function;
import java.util.function.Supplier;
import org.alongside.console.api.ServiceUnavailable;

/**
 * One part of a page that comes from a service which may be down: the page still shows, and says which part is
 * unavailable instead of this one.
 */
public record Part<T>(T value, String unavailable) {

    public static <T> Part<T> of(Supplier<T> load) {
        try {
            return new Part<>(load.get(), null);
        } catch (ServiceUnavailable e) {
            return new Part<>(null, e.service());
        }
    }

    public boolean available() {
        return unavailable == null;
    }

    /** What this part's value says of something else, or unavailable as this part is. */
    public <R> Part<R> map(Function<? super T, ? extends R> mapping) {
        return available() ? new Part<>(mapping.apply(value), null) : new Part<>(null, unavailable);
    }
}
