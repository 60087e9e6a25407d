package org.coproduction.timeline.platform.axon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.coproduction.timeline.platform.Durability;

/**
 * The application's command gateway: a command that succeeded returns (or completes its future, or
 * calls back) only once its events are in the database's file ({@link Durability}), and a failure to
 * write them fails the command instead of being answered. (A unit of work's {@code afterCommit} would
 * run at the same moment, but Axon logs and swallows what fails there.) See docs/adr/0006.
 *
 * <p>The command bus handles a command in the sending thread (Axon's simple command bus), so its
 * transaction has committed or rolled back when the delegate returns: each send holds the {@link
 * AppendGate}'s command side for that long.
 */
final class DurableCommandGateway implements CommandGateway {

    private final CommandGateway delegate;
    private final Durability durability;
    private final AppendGate gate;

    DurableCommandGateway(CommandGateway delegate, Durability durability, AppendGate gate) {
        this.delegate = delegate;
        this.durability = durability;
        this.gate = gate;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        gate.command(() -> {
            sendNow(command, callback);
            return null;
        });
    }

    private <C, R> void sendNow(C command, CommandCallback<? super C, ? super R> callback) {
        delegate.send(command, (CommandCallback<C, R>) (message, result) -> {
            if (!result.isExceptional()) {
                try {
                    durability.awaitWritten();
                } catch (RuntimeException e) {
                    callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(e));
                    return;
                }
            }
            callback.onResult(message, result);
        });
    }

    @Override
    public <R> R sendAndWait(Object command) {
        R result = gate.command(() -> delegate.sendAndWait(command));
        durability.awaitWritten();
        return result;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        R result = gate.command(() -> delegate.sendAndWait(command, timeout, unit));
        durability.awaitWritten();
        return result;
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return gate.command(() -> delegate.<R>send(command)).thenApply(result -> {
            durability.awaitWritten();
            return result;
        });
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
