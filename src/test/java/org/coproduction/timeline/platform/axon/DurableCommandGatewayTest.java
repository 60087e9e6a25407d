package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.coproduction.timeline.platform.Durability;
import org.junit.jupiter.api.Test;

/** A command is answered only after its events are written, and a failed write fails the command. */
class DurableCommandGatewayTest {

    private final Durability durability = mock(Durability.class);
    private final CommandGateway delegate = mock(CommandGateway.class);
    private final AppendGate gate = new AppendGate();
    private final CommandGateway gateway = new DurableCommandGateway(delegate, durability, gate);

    @Test
    void answersAfterTheWrite() {
        when(delegate.sendAndWait("record")).thenReturn("recorded");

        assertThat((String) gateway.sendAndWait("record")).isEqualTo("recorded");

        var order = inOrder(delegate, durability);
        order.verify(delegate).sendAndWait("record");
        order.verify(durability).awaitWritten();
    }

    @Test
    void aFailedWriteFailsTheCommandInsteadOfAnsweringIt() {
        when(delegate.sendAndWait("record")).thenReturn("recorded");
        doThrow(new IllegalStateException("disk full")).when(durability).awaitWritten();

        assertThatThrownBy(() -> gateway.sendAndWait("record")).hasMessage("disk full");
        when(delegate.send("record")).thenReturn(CompletableFuture.completedFuture("recorded"));
        assertThat(gateway.send("record")).failsWithin(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedCommandIsNotWaitedFor() {
        when(delegate.sendAndWait("record")).thenThrow(new IllegalArgumentException("refused"));

        assertThatThrownBy(() -> gateway.sendAndWait("record")).hasMessage("refused");
        verify(durability, never()).awaitWritten();
    }

    @Test
    void theCallbackHearsOfAFailedWrite() {
        doThrow(new IllegalStateException("disk full")).when(durability).awaitWritten();
        CommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> "recorded");
        CommandGateway real = new DurableCommandGateway(
                DefaultCommandGateway.builder().commandBus(bus).build(), durability, gate);
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();

        real.send("record", (CommandCallback<String, Object>) (message, result) -> answer.set(result));

        assertThat(answer.get().isExceptional()).isTrue();
        assertThat(answer.get().exceptionResult()).hasMessage("disk full");
    }

    @Test
    void aCommandWaitsWhileAnImportAppendsAlone() throws Exception {
        when(delegate.sendAndWait("record")).thenReturn("recorded");
        CountDownLatch appending = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> importing = CompletableFuture.supplyAsync(() -> gate.alone(() -> {
            appending.countDown();
            await(finish);
            return null;
        }));
        appending.await();

        CompletableFuture<Object> command = CompletableFuture.supplyAsync(() -> gateway.sendAndWait("record"));
        Thread.sleep(200);
        assertThat(command).as("a command while the import appends alone").isNotDone();
        verify(delegate, never()).sendAndWait("record");

        finish.countDown();
        assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo("recorded");
        importing.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
