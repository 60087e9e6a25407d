package org.coproduction.timeline.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the whole event store into the handlers of one or more streaming processors at once,
 * without the processors' per-event machinery: a reader thread reads the store in its batches and
 * deserialises each event once; this thread hands each batch to every processor's handlers (all
 * segments, in global order) in one unit of work and one transaction, together with every
 * segment's token, advanced to the batch's last event. The handlers run exactly as they do in their
 * processor (same code, same unit-of-work resources, same transaction per batch), so the rows they
 * write are the same; what is skipped is Axon's coordination, per-event monitoring and the pooled
 * processor's buffer refill pacing. See docs/adr/0005.
 *
 * <p>The tokens it stores are the processors' own, so a replay that stops half-way (an error, a
 * shutdown) is carried on by the processor from the last batch stored, the ordinary way. The caller
 * resets the processors first (their {@code @ResetHandler}s, their tokens as replay tokens, all
 * segments claimed by this instance) and starts them again afterwards, which is when events
 * appended meanwhile are handled.
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    /** A message list of this size or less marks the end of the stream. */
    private static final List<TrackedEventMessage<?>> END = List.of();

    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int batchSize;
    private final AtomicBoolean stopped;

    /**
     * One processor taking part: its handlers and each segment's token as last stored. The handlers
     * are its invoker's delegates, each with whether it supports a reset, asked once: {@code
     * MultiEventHandlerInvoker} asks each delegate for every event, which walks all its handler
     * methods for a fixed answer. {@link #handle} is that invoker's own rule otherwise.
     */
    static final class Target {
        final String name;
        final EventHandlerInvoker[] handlers;
        final boolean[] supportsReset;
        final Map<Integer, TrackingToken> tokens = new LinkedHashMap<>();

        Target(AbstractEventProcessor processor, int[] segments, TokenStore tokenStore) {
            this.name = processor.getName();
            EventHandlerInvoker invoker = processor.eventHandlerInvoker();
            this.handlers = (invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(invoker))
                    .toArray(EventHandlerInvoker[]::new);
            this.supportsReset = new boolean[handlers.length];
            for (int i = 0; i < handlers.length; i++) {
                supportsReset[i] = handlers[i].supportsReset();
            }
            for (int segment : segments) {
                tokens.put(segment, tokenStore.fetchToken(name, segment));
            }
        }

        void handle(TrackedEventMessage<?> message) throws Exception {
            boolean replay = ReplayToken.isReplay(message);
            for (int i = 0; i < handlers.length; i++) {
                if ((supportsReset[i] || !replay) && handlers[i].canHandle(message, Segment.ROOT_SEGMENT)) {
                    handlers[i].handle(message, Segment.ROOT_SEGMENT);
                }
            }
        }
    }

    BulkReplay(
            EventStorageEngine storage,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            int batchSize,
            AtomicBoolean stopped) {
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
        this.stopped = stopped;
    }

    /**
     * Replays every event from the start of the store into the targets; returns the number of events
     * handled, or throws the first handler or storage failure (the batch it happened in is rolled back).
     */
    long run(List<Target> targets) throws Exception {
        BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);
        AtomicBoolean done = new AtomicBoolean();
        Throwable[] readFailure = new Throwable[1];
        Thread reader = new Thread(
                () -> {
                    try {
                        read(batches, done);
                    } catch (Throwable e) {
                        readFailure[0] = e;
                    } finally {
                        done.set(true);
                    }
                },
                "bulk-replay-reader");
        reader.setDaemon(true);
        reader.start();
        long handled = 0;
        try {
            while (true) {
                List<TrackedEventMessage<?>> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (done.get() && batches.isEmpty()) {
                        if (readFailure[0] != null) {
                            throw new IllegalStateException("reading the event store failed", readFailure[0]);
                        }
                        return handled;
                    }
                    continue;
                }
                if (batch == END) {
                    return handled;
                }
                if (stopped.get()) {
                    throw new InterruptedException("the application is stopping");
                }
                handle(batch, targets);
                handled += batch.size();
            }
        } finally {
            done.set(true);
            reader.interrupt();
        }
    }

    /**
     * Reads the store from its first event, in batches, each payload and metadata deserialised here
     * once; an event that cannot be read is passed on as it is, for the handlers to fail on.
     */
    private void read(BlockingQueue<List<TrackedEventMessage<?>>> batches, AtomicBoolean done)
            throws InterruptedException {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                try {
                    event.getPayload();
                    event.getMetaData();
                } catch (RuntimeException unreadable) {
                    // left to the handlers: each read model's dead-letter queue takes it, as its processor's would
                }
                batch.add(event);
                if (batch.size() == batchSize) {
                    if (!offer(batches, batch, done)) {
                        return;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty() && !offer(batches, batch, done)) {
            return;
        }
        offer(batches, END, done);
    }

    private static boolean offer(
            BlockingQueue<List<TrackedEventMessage<?>>> batches, List<TrackedEventMessage<?>> batch, AtomicBoolean done)
            throws InterruptedException {
        while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (done.get()) {
                return false;
            }
        }
        return true;
    }

    /** One batch, one unit of work and transaction: every target's handlers, then every segment's token. */
    private void handle(List<TrackedEventMessage<?>> batch, List<Target> targets) throws Exception {
        TrackingToken last = batch.get(batch.size() - 1).trackingToken();
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.onPrepareCommit(u -> targets.forEach(target -> storeTokens(target, last)));
        var result = unitOfWork.executeWithResult(
                () -> {
                    TrackedEventMessage<?> message = unitOfWork.getMessage();
                    for (Target target : targets) {
                        target.handle(message);
                    }
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            log.warn("Bulk replay failed in the batch ending at {}: {}", last, failure.toString());
            if (failure instanceof Exception e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
    }

    private void storeTokens(Target target, TrackingToken last) {
        target.tokens.replaceAll((segment, token) -> {
            TrackingToken advanced = token instanceof ReplayToken replay ? replay.advancedTo(last) : last;
            tokenStore.storeToken(advanced, target.name, segment);
            return advanced;
        });
    }
}
