package org.coproduction.timeline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.coproduction.timeline.admin.api.RebuildProgress;
import org.coproduction.timeline.admin.api.SegmentStatus;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.coproduction.timeline.platform.axon.ReadModelPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The read models are the streaming event processors, whatever their number: their status and
 * their rebuild, without code per processor.
 *
 * <p>Positions are read from the token store, so they are the same in every instance and cover
 * segments claimed elsewhere; this instance adds what only it knows (the position of a batch just
 * handled, an error).
 *
 * <p>A rebuild stops the processor here, resets its tokens ({@code @ResetHandler}s clear the
 * tables; Axon does it in one transaction with the token updates) and starts it again. Axon claims
 * every segment's token for the reset: when another instance holds a claim on one (it runs the same
 * processor), the reset fails before anything is cleared, and the rebuild is refused with a
 * conflict naming that instance and the processor is started again. With several instances, stop
 * the processor (or the instance) elsewhere first, or wait until its claims lapse. The other
 * instances' processors take their share of the segments again once they are released.
 *
 * <p>After the reset the replay itself runs in bulk ({@link BulkReplay}, on by default:
 * {@code timeline.rebuild.bulk}): one pass over the event store feeds the handlers of every read
 * model being rebuilt, batch by batch, with their tokens; the processors stay stopped meanwhile
 * (and out of import pauses) and are started once it reaches the head, to handle what came since.
 * If the bulk pass fails, they are started all the same and carry on the replay from its last
 * batch the ordinary way.
 */
@Component
public class ReadModels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelPositions positions;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProcessorPause processorPause;
    private final boolean bulk;
    private final int bulkBatchSize;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Events the last bulk pass of this instance handled, for tests. */
    private final AtomicLong bulkReplayed = new AtomicLong(-1);

    /** A rebuild this instance started: when, and the position the processor started from. */
    private record Rebuild(long startedNanos, long fromPosition) {}

    public ReadModels(
            EventProcessingConfiguration processing,
            ReadModelPositions positions,
            EventStorageEngine storage,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            ProcessorPause processorPause,
            @Value("${timeline.rebuild.bulk:true}") boolean bulk,
            @Value("${timeline.rebuild.batch-size:250}") int bulkBatchSize) {
        this.processing = processing;
        this.positions = positions;
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.processorPause = processorPause;
        this.bulk = bulk;
        this.bulkBatchSize = bulkBatchSize;
    }

    /** The names of the read models, in alphabetical order. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public List<ProjectionStatus> all() {
        long head = head();
        return names().stream().map(name -> status(name, processor(name), head)).toList();
    }

    /** The status of one read model; 404 for an unknown name. */
    public ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /** The highest global index in the event store, 0 when it is empty. */
    public long head() {
        return positions.head();
    }

    /** The events between the event store's head and the read model's position. */
    public long lag(String name) {
        return status(name).lag();
    }

    /**
     * Clears the read model and replays every event into it; returns once its replay has begun,
     * before it is done. 404 for an unknown name; 409 while it is already rebuilding or when another
     * instance holds a claim on one of its segments.
     */
    public ProjectionStatus rebuild(String name) {
        return rebuild(List.of(name)).get(0);
    }

    /**
     * Rebuilds several read models together: one pass over the event store feeds them all. Checked
     * and reset one by one, in the order given; when one is refused, those reset before it replay on
     * their own and the refusal is thrown.
     */
    public synchronized List<ProjectionStatus> rebuild(List<String> names) {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String name : names) {
            StreamingEventProcessor processor = processor(name);
            if (!processor.supportsReset()) {
                throw RuleViolationException.conflict("name", name + " has handlers that cannot be reset");
            }
            ProjectionStatus before = status(name, processor, head());
            if (before.status() == ProjectionState.REBUILDING) {
                throw RuleViolationException.conflict(
                        "name",
                        name + " is already rebuilding ("
                                + Math.round(before.progress().fraction() * 100) + "% done)");
            }
            processors.add(processor);
        }
        List<String> reset = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            StreamingEventProcessor processor = processors.get(i);
            log.info(
                    "Rebuilding read model {} from position {}",
                    name,
                    status(name).position());
            processorPause.hold(name);
            try {
                reset(processor);
            } catch (UnableToClaimTokenException e) {
                processorPause.letGo(name);
                reset.forEach(processorPause::letGo);
                throw RuleViolationException.conflict(
                        "name",
                        name + " runs in another instance too, which holds a segment (" + e.getMessage()
                                + "); stop it there before rebuilding");
            } catch (RuntimeException e) {
                processorPause.letGo(name);
                reset.forEach(processorPause::letGo);
                throw e;
            }
            rebuilds.put(name, new Rebuild(System.nanoTime(), 0));
            reset.add(name);
        }
        if (bulk && processors.stream().allMatch(AbstractEventProcessor.class::isInstance)) {
            Thread replay = new Thread(() -> bulkReplay(names, processors), "bulk-replay");
            replay.setDaemon(true);
            replay.start();
        } else {
            names.forEach(processorPause::letGo);
        }
        return names.stream().map(this::status).toList();
    }

    /**
     * Every segment's token turned into a replay token from the first event (claiming them all, so
     * this fails with nothing changed when another instance holds one), committed, and only then the
     * read model cleared by its {@code @ResetHandler}s. Axon's own {@code resetTokens()} clears
     * first, in the same transaction; but a reset handler that TRUNCATEs a table commits at once on
     * H2, so a failure between the two would leave an empty read model whose tokens say it is
     * complete. In this order such a failure leaves a processor that replays from the start over
     * its old rows, which every projection here takes in its stride (idempotent handling). The read
     * model's dead letters go with its rows: the replay meets their events again, and one it still
     * cannot handle is a letter again.
     */
    private void reset(StreamingEventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor withHandlers)) {
            processor.resetTokens();
            return;
        }
        String name = processor.getName();
        transactionManager.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(name)) {
                TrackingToken current = tokenStore.fetchToken(name, segment);
                tokenStore.storeToken(ReplayToken.createReplayToken(current, null), name, segment);
            }
        });
        transactionManager.executeInTransaction(() -> {
            withHandlers.eventHandlerInvoker().performReset();
            // Its letters were taken from the read model now emptied; the replay meets their events again.
            processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        });
    }

    /** The bulk pass, then the processors started, whatever became of it. */
    private void bulkReplay(List<String> names, List<StreamingEventProcessor> processors) {
        List<BulkReplay.Target> targets = new ArrayList<>();
        try {
            transactionManager.executeInTransaction(() -> processors.forEach(p -> targets.add(new BulkReplay.Target(
                    (AbstractEventProcessor) p, tokenStore.fetchSegments(p.getName()), tokenStore))));
            long start = System.nanoTime();
            long events = new BulkReplay(storage, tokenStore, transactionManager, bulkBatchSize, stopping).run(targets);
            double seconds = (System.nanoTime() - start) / 1e9;
            bulkReplayed.set(events);
            log.info(
                    "Replayed {} events into {} in {} s ({} events/s)",
                    events,
                    names,
                    String.format("%.1f", seconds),
                    Math.round(events / Math.max(seconds, 1e-3)));
        } catch (Exception e) {
            if (stopping.get()) {
                return;
            }
            log.warn(
                    "Bulk replay of {} stopped ({}); the processors carry on from its last batch", names, e.toString());
        } finally {
            if (!stopping.get()) {
                transactionManager.executeInTransaction(() -> targets.forEach(
                        t -> t.tokens.keySet().forEach(segment -> tokenStore.releaseClaim(t.name, segment))));
                names.forEach(processorPause::letGo);
            }
        }
    }

    /** The events the last bulk pass handled; -1 before the first has finished. */
    long bulkReplayed() {
        return bulkReplayed.get();
    }

    @Override
    public void destroy() {
        stopping.set(true);
    }

    private StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolationException.notFound(
                        "name", "no read model is called " + name + "; there are " + String.join(", ", names())));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        List<SegmentStatus> segments = new ArrayList<>();
        for (ReadModelPositions.StoredSegment stored : positions.segments(name)) {
            EventTrackerStatus here = stored.here();
            long position = stored.position();
            long resetPosition = stored.stored() instanceof ReplayToken replay
                    ? ReadModelPositions.position(replay.getTokenAtReset())
                    : 0;
            String error = here != null && here.isErrorState() ? String.valueOf(here.getError()) : null;
            // Axon ends a replay at the first event after the reset position, so a caught-up segment
            // of a quiet store would replay for ever: it is done once it reaches that position.
            boolean replaying = position < resetPosition;
            segments.add(new SegmentStatus(stored.segment(), position, replaying, stored.owner(), here != null, error));
        }
        long position =
                segments.stream().mapToLong(SegmentStatus::position).min().orElse(0);
        ProjectionState state = state(processor, segments);
        RebuildProgress progress = state == ProjectionState.REBUILDING ? progress(name, position, head) : null;
        if (state != ProjectionState.REBUILDING) {
            rebuilds.remove(name);
        }
        return new ProjectionStatus(
                name, state, position, head, Math.max(0, head - position), segments.size(), segments, progress);
    }

    private static ProjectionState state(StreamingEventProcessor processor, List<SegmentStatus> segments) {
        if (processor.isError() || segments.stream().anyMatch(s -> s.error() != null)) {
            return ProjectionState.ERROR;
        }
        if (segments.stream().anyMatch(SegmentStatus::replaying)) {
            return ProjectionState.REBUILDING;
        }
        return processor.isRunning() ? ProjectionState.RUNNING : ProjectionState.STOPPED;
    }

    private RebuildProgress progress(String name, long position, long head) {
        double fraction = head == 0 ? 1 : Math.min(1, (double) position / head);
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            return new RebuildProgress(fraction, null, null);
        }
        double seconds = (System.nanoTime() - rebuild.startedNanos()) / 1e9;
        return new RebuildProgress(fraction, seconds, (position - rebuild.fromPosition()) / seconds);
    }
}
