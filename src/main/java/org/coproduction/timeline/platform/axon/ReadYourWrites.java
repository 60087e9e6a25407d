package org.coproduction.timeline.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A question answered from read models sees every write answered before it: it first waits, at
 * most {@code timeline.read-models.catch-up-wait} (2 s), until each read model it reads has handled
 * every event stored before the question (of its project, when it is about one: a large import into
 * another project does not hold it up). Past that it is
 * refused as {@link CatchingUp} (503 with {@code Retry-After}) rather than answered without them: a
 * large import takes the processors longer than any wait a person should sit through.
 *
 * <p>Every event answered is committed before its answer is sent, and appends commit in global index
 * order ({@link AppendGate}), so "every event stored before the question" is every event up to the
 * highest global index stored then.
 */
@Component
public class ReadYourWrites {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ReadModelPositions positions;
    private final JdbcTemplate jdbc;
    private final Duration wait;

    ReadYourWrites(
            ReadModelPositions positions,
            JdbcTemplate jdbc,
            @Value("${timeline.read-models.catch-up-wait:PT2S}") Duration wait) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.wait = wait;
    }

    /** The read models are behind the writes answered before the question, past the wait. */
    public static final class CatchingUp extends RuntimeException {

        private final List<String> readModels;
        private final long events;

        CatchingUp(List<String> readModels, long events) {
            super(String.join(", ", readModels) + " still catching up with " + events + " events");
            this.readModels = List.copyOf(readModels);
            this.events = events;
        }

        public List<String> readModels() {
            return readModels;
        }

        /** How many events the furthest behind has still to handle. */
        public long events() {
            return events;
        }
    }

    /**
     * Returns once every named read model holds every event stored so far (of the project, when one
     * is given); throws {@link CatchingUp} when one still does not after the wait.
     */
    public void await(Collection<String> readModels, String projectId) {
        CatchingUp behind = behindAfter(readModels, projectId, wait);
        if (behind != null) {
            throw behind;
        }
    }

    /**
     * Whether the read model holds every event of the project stored so far, waiting up to {@code
     * wait} for it: asked of the processor's tokens, as {@link #await} does.
     */
    public boolean caughtUp(String readModel, String projectId, Duration wait) {
        return behindAfter(List.of(readModel), projectId, wait) == null;
    }

    /** Null once every named read model holds every event stored so far; what is behind after the wait. */
    private CatchingUp behindAfter(Collection<String> readModels, String projectId, Duration wait) {
        long head = positions.head();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        List<String> behind = new ArrayList<>(readModels);
        boolean narrowed = projectId == null;
        while (true) {
            long furthest = 0;
            for (var it = behind.iterator(); it.hasNext(); ) {
                long lag = head - positions.position(it.next(), projectId);
                if (lag <= 0) {
                    it.remove();
                } else {
                    furthest = Math.max(furthest, lag);
                }
            }
            if (behind.isEmpty()) {
                return null;
            }
            if (!narrowed) {
                // Behind the store's head: what counts is the project's own latest event (on H2 a
                // question that grows with the project, unlike the head's, so only asked now).
                head = Math.min(head, lastOf(projectId));
                narrowed = true;
                continue;
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return new CatchingUp(behind, furthest);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /** The global index of the project's latest event, 0 when it has none. */
    private long lastOf(String projectId) {
        List<Long> last = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1",
                Long.class,
                projectId);
        return last.isEmpty() ? 0 : last.get(0);
    }
}
