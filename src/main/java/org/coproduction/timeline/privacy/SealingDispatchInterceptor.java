package org.coproduction.timeline.privacy;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.coproduction.timeline.api.ProjectEvent;
import org.springframework.stereotype.Component;

/**
 * Seals the personal text of every event a command records, on its way into the event store, under
 * the id the event is stored with: nothing personal reaches the store in the clear. (The aggregate
 * itself sees the event as applied; it keeps no text.) A withdrawal of consent destroys the
 * member's key once it is committed.
 */
@Component
class SealingDispatchInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Sealing sealing;

    SealingDispatchInterceptor(Sealing sealing, EventStore eventStore) {
        this.sealing = sealing;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> domain)
                    || !(message.getPayload() instanceof ProjectEvent event)) {
                return message;
            }
            sealing.stored(event);
            ProjectEvent sealed = sealing.seal(event, message.getIdentifier());
            if (sealed == event) {
                return message;
            }
            return new GenericDomainEventMessage<ProjectEvent>(
                    domain.getType(),
                    domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(),
                    sealed,
                    message.getMetaData(),
                    message.getIdentifier(),
                    message.getTimestamp());
        };
    }
}
