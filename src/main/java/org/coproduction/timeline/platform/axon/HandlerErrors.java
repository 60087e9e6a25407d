package org.coproduction.timeline.platform.axon;

import javax.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * An {@link Error} thrown by a read model's event handler (an {@code AssertionError}, a {@code
 * StackOverflowError}, a class that failed to load) reaches the processor as the failure of that
 * event, like any exception: it waits in the read model's dead-letter queue and the read model goes
 * on. Left alone it escapes Axon's {@code catch (Exception)} in the pooled processor's work package,
 * which then stays marked busy for good: the read model stops, its processor still says it runs
 * with no error, and it cannot even be stopped (issue 22's silent stall; {@code
 * ErrorInAHandlerTest}). A {@link VirtualMachineError} other than a stack overflow (out of memory,
 * an internal error) is the JVM's, not the event's: it goes on up, and the JVM stops at once where
 * it is started with {@code -XX:+ExitOnOutOfMemoryError} as the scripts and docs/deploy.md start it.
 */
public class HandlerErrors implements HandlerEnhancerDefinition {

    /** An {@link Error} a handler threw, as the failure of the event it was handling. */
    public static final class HandlerError extends RuntimeException {
        HandlerError(Error cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                try {
                    return super.handle(message, target);
                } catch (Error error) {
                    if (fatal(error)) {
                        throw error;
                    }
                    throw new HandlerError(error);
                }
            }
        };
    }

    static boolean fatal(Error error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }
}
