package org.coproduction.timeline.platform.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.coproduction.timeline.project.api.ImportEvents;

/**
 * An imported line keeps its producer's {@code eventId} as the stored event identifier, so the
 * store's unique index makes re-importing the same event impossible and an export gives the id
 * back unchanged. Only the identifier changes: the storage timestamp stays the real one, since
 * the event store's gap detection relies on it.
 */
class ImportedEventIdentifierInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Object eventId = message.getMetaData().get(ImportEvents.EVENT_ID);
            if (eventId == null
                    || eventId.equals(message.getIdentifier())
                    || !(message instanceof DomainEventMessage<?> domain)) {
                return message;
            }
            return new GenericDomainEventMessage<>(
                    domain.getType(),
                    domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(),
                    domain.getPayload(),
                    domain.getMetaData(),
                    eventId.toString(),
                    domain.getTimestamp());
        };
    }
}
