package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.coproduction.timeline.admin.api.SegmentStatus;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.junit.jupiter.api.Test;

class StallWatchTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration STALL_AFTER = Duration.ofMinutes(2);

    final ReadModels readModels = mock(ReadModels.class);
    final ProcessorPause pause = mock(ProcessorPause.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MovingClock clock = new MovingClock(T0);
    final StallWatch watch = new StallWatch(readModels, pause, registry, clock, STALL_AFTER);

    @Test
    void aReadModelWithWorkThatDoesNotMoveForTheLimitIsCountedReportedAndRestarted() {
        given(readModels.all()).willReturn(List.of(status("participation", ProjectionState.RUNNING, 10_342, 392_146)));
        watch.check();
        clock.at(T0.plus(STALL_AFTER).minusSeconds(1));
        watch.check();
        assertThat(watch.stalled()).isEmpty();
        verify(pause, never()).restart("participation");

        clock.at(T0.plus(STALL_AFTER));
        watch.check();

        assertThat(watch.stalled()).containsEntry("participation", T0);
        verify(pause).restart("participation");
        assertThat(registry.counter(StallWatch.STALLS, "processor", "participation")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aReadModelThatMovesAgainIsNoLongerStalled() {
        given(readModels.all()).willReturn(List.of(status("projects", ProjectionState.RUNNING, 100, 50)));
        watch.check();
        clock.at(T0.plus(STALL_AFTER));
        watch.check();
        assertThat(watch.stalled()).containsKey("projects");

        given(readModels.all()).willReturn(List.of(status("projects", ProjectionState.RUNNING, 120, 30)));
        watch.check();

        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void aReadModelThatWillNotEvenStopIsCountedAsWedgedAndStaysStalled() {
        given(readModels.all()).willReturn(List.of(status("projects", ProjectionState.RUNNING, 7, 3)));
        given(pause.restart("projects")).willReturn(ProcessorPause.Restart.WOULD_NOT_STOP);
        watch.check();
        clock.at(T0.plus(STALL_AFTER));
        watch.check();

        assertThat(registry.counter(StallWatch.WEDGED, "processor", "projects").count())
                .isEqualTo(1);
        given(readModels.all()).willReturn(List.of(status("projects", ProjectionState.STOPPED, 7, 3)));
        clock.at(T0.plus(STALL_AFTER.multipliedBy(2)));
        watch.check();
        assertThat(watch.stalled())
                .as("its processor now says it is stopped, and it is still down")
                .containsEntry("projects", T0);
    }

    @Test
    void aReadModelCaughtUpStoppedOnPurposeOrRunElsewhereIsNotWatched() {
        given(readModels.all())
                .willReturn(List.of(
                        status("timeline", ProjectionState.RUNNING, 500, 0),
                        status("influence", ProjectionState.STOPPED, 100, 400),
                        new ProjectionStatus(
                                "participation",
                                ProjectionState.RUNNING,
                                100,
                                500,
                                400,
                                1,
                                List.of(new SegmentStatus(0, 100, false, "other-instance", false, null)),
                                null)));
        watch.check();
        clock.at(T0.plus(STALL_AFTER.multipliedBy(3)));
        watch.check();

        assertThat(watch.stalled()).isEmpty();
        verify(pause, never()).restart(org.mockito.ArgumentMatchers.anyString());
    }

    private static ProjectionStatus status(String name, ProjectionState state, long position, long lag) {
        return new ProjectionStatus(
                name,
                state,
                position,
                position + lag,
                lag,
                1,
                List.of(new SegmentStatus(0, position, false, "here", true, null)),
                null);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
