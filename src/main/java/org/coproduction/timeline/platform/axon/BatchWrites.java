package org.coproduction.timeline.platform.axon;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection gathers while a processor batch (or a bulk-rebuild batch) is handled, written
 * once when that batch commits, in its transaction and with its tokens: one instance per batch, held
 * by the batch's root unit of work under the projection's key. The projections write a batch's rows
 * in a few JDBC batches this way rather than a statement per event.
 */
public final class BatchWrites {

    private BatchWrites() {}

    /** The current batch's instance under {@code key}: started, and its write registered, on first use. */
    public static <T> T current(String key, Supplier<T> start, Consumer<T> writeAtCommit) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T pending = start.get();
            root.onPrepareCommit(u -> writeAtCommit.accept(pending));
            return pending;
        });
    }
}
