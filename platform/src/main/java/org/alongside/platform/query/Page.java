package org.alongside.platform.query;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list that can grow: every such list in every service answers in this shape and takes {@code page}
 * (from 0) and {@code size}. {@code total} counts every item the query matches, across all pages.
 */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, description = "This page's number, from 0") int page,
        @Schema(required = true, description = "The most items a page holds") int size,
        @Schema(required = true, description = "Items the query matches across all pages") long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), page, size, total);
    }
}
