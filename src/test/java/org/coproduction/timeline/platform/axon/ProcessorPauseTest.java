package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

class ProcessorPauseTest {

    private static final long HEAD = 120;

    private final EventStore eventStore = mock(EventStore.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    @Test
    void isBusyWhileARunningProcessorHasASegmentBehindTheHead() {
        given(processor("timeline", true, HEAD, HEAD), processor("influence", true, HEAD, HEAD - 1));

        assertThat(new ProcessorPause(processing, eventStore).anyBusy()).isTrue();
    }

    @Test
    void isNotBusyWhenEverySegmentIsAtTheHead() {
        given(processor("timeline", true, HEAD, HEAD), processor("influence", true, HEAD));

        assertThat(new ProcessorPause(processing, eventStore).anyBusy()).isFalse();
    }

    @Test
    void isNotBusyOnAnEmptyStore() {
        given(processor("timeline", true, 0));
        when(eventStore.createHeadToken()).thenReturn(null);

        assertThat(new ProcessorPause(processing, eventStore).anyBusy()).isFalse();
    }

    @Test
    void leavesOutProcessorsThatAreStoppedOrHeldForARebuild() {
        given(processor("timeline", false, 3), processor("influence", true, 5), processor("projects", true, HEAD));
        ProcessorPause pause = new ProcessorPause(processing, eventStore);
        pause.hold("influence");

        assertThat(pause.anyBusy()).isFalse();
    }

    @Test
    void aProcessorThatNeverStopsIsGivenUpOnAfterTheBoundAndNotStarted() {
        EventProcessor wedged = processor("projects", true, HEAD);
        when(wedged.shutdownAsync()).thenReturn(new CompletableFuture<>());
        given(wedged);
        ProcessorPause pause = new ProcessorPause(processing, eventStore, Duration.ofMillis(200));

        assertThat(pause.restart("projects")).isEqualTo(ProcessorPause.Restart.WOULD_NOT_STOP);
        verify(wedged, never()).start();
    }

    @Test
    void aPauseGoesOnWithoutAProcessorThatNeverStopsAndOutlivesItsRefusalToStart() {
        EventProcessor wedged = processor("projects", true, HEAD);
        when(wedged.shutdownAsync()).thenReturn(new CompletableFuture<>());
        doThrow(new IllegalStateException("Cannot start a processor while it's in process of shutting down"))
                .when(wedged)
                .start();
        EventProcessor healthy = processor("timeline", true, HEAD);
        when(healthy.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        given(wedged, healthy);
        ProcessorPause pause = new ProcessorPause(processing, eventStore, Duration.ofMillis(200));

        assertThat(pause.during(() -> "done")).isEqualTo("done");
        verify(healthy).start();
    }

    @Test
    void restartsAProcessorThatStops() {
        EventProcessor projects = processor("projects", true, HEAD);
        when(projects.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        given(projects);

        assertThat(new ProcessorPause(processing, eventStore).restart("projects"))
                .isEqualTo(ProcessorPause.Restart.RESTARTED);
        verify(projects).start();
    }

    private void given(EventProcessor... processors) {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(HEAD));
        Map<String, EventProcessor> byName = new LinkedHashMap<>();
        for (EventProcessor processor : processors) {
            byName.put(processor.getName(), processor);
            when(processing.eventProcessor(processor.getName())).thenReturn(Optional.of(processor));
        }
        when(processing.eventProcessors()).thenReturn(byName);
    }

    private static EventProcessor processor(String name, boolean running, long... segmentPositions) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.isRunning()).thenReturn(running);
        Map<Integer, EventTrackerStatus> statuses = new HashMap<>();
        for (int segment = 0; segment < segmentPositions.length; segment++) {
            EventTrackerStatus status = mock(EventTrackerStatus.class);
            when(status.getCurrentPosition()).thenReturn(OptionalLong.of(segmentPositions[segment]));
            statuses.put(segment, status);
        }
        when(processor.processingStatus()).thenReturn(statuses);
        return processor;
    }
}
