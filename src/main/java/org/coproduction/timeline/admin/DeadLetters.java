package org.coproduction.timeline.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.coproduction.timeline.admin.api.DeadLetterSequence;
import org.coproduction.timeline.admin.api.DeadLetterSequence.Letter;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.RuleViolationException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The read models' dead-letter queues (Axon's, in {@code dead_letter_entry}): an event a read
 * model's handler failed on waits there, with its project's later events, while the read model goes
 * on with every other project. Listed, retried (the handler is run again on the project's letters,
 * in order; a letter that fails again stays) and evicted (the read model then lacks those events
 * until it is rebuilt) by a site administrator; {@code timeline.projection.dead_letters{processor}}
 * counts them.
 */
@Component
public class DeadLetters {

    static final String GAUGE = "timeline.projection.dead_letters";
    private static final int CAUSE_LENGTH = 200;

    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final MeterRegistry registry;

    DeadLetters(EventProcessingConfiguration processing, ReadModels readModels, MeterRegistry registry) {
        this.processing = processing;
        this.readModels = readModels;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : readModels.names()) {
            processing.deadLetterQueue(name).ifPresent(queue -> Gauge.builder(GAUGE, queue, q -> q.size())
                    .tag("processor", name)
                    .baseUnit("events")
                    .description("events a read model's handler failed on, and their projects' later events")
                    .register(registry));
        }
    }

    /** Every read model's dead letters, by project. */
    public List<DeadLetterSequence> all() {
        List<DeadLetterSequence> all = new ArrayList<>();
        for (String name : readModels.names()) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(name);
            if (queue.isEmpty()) {
                continue;
            }
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                    queue.get().deadLetters()) {
                List<Letter> letters = new ArrayList<>();
                String projectId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    EventMessage<?> message = letter.message();
                    Long sequenceNumber = null;
                    if (message instanceof DomainEventMessage<?> domain) {
                        projectId = domain.getAggregateIdentifier();
                        sequenceNumber = domain.getSequenceNumber();
                    }
                    letters.add(new Letter(
                            message.getIdentifier(),
                            EventCatalogue.byClass(message.getPayloadType())
                                    .map(EventCatalogue.EventType::name)
                                    .orElse(message.getPayloadType().getSimpleName()),
                            sequenceNumber,
                            letter.enqueuedAt(),
                            letter.lastTouched(),
                            letter.cause().map(Cause::type).orElse(null),
                            letter.cause().map(c -> cut(c.message())).orElse(null)));
                }
                all.add(new DeadLetterSequence(name, projectId, letters));
            }
        }
        return all;
    }

    /**
     * Runs the read model's handler again on the project's letters, in order: those it now handles
     * leave the queue, the first that fails again stays with those behind it. Answers whether the
     * project's letters are all handled. 404 for an unknown read model or a project with no letters.
     */
    public boolean retry(String readModel, String projectId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(readModel, projectId);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(readModel).orElseThrow();
        processor.process(letter -> projectId.equals(projectOf(letter)));
        return !queue.contains(projectId);
    }

    /**
     * Drops the project's letters from the read model's queue: the read model goes without those
     * events until it is rebuilt. 404 for an unknown read model or a project with no letters.
     */
    public int evict(String readModel, String projectId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(readModel, projectId);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(projectId).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String readModel, String projectId) {
        if (!readModels.names().contains(readModel)) {
            throw RuleViolationException.notFound(
                    "readModel",
                    "no read model is called " + readModel + "; there are " + String.join(", ", readModels.names()));
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                processing.deadLetterQueue(readModel).orElseThrow();
        if (!queue.contains(projectId)) {
            throw RuleViolationException.notFound(
                    "projectId", "read model " + readModel + " holds no dead letters of project " + projectId);
        }
        return queue;
    }

    private static String projectOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    private static String cut(String text) {
        return text == null || text.length() <= CAUSE_LENGTH ? text : text.substring(0, CAUSE_LENGTH) + "…";
    }
}
