package org.coproduction.timeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.coproduction.timeline.admin.ReadModels;

/** Waits until every read model has handled the store up to a position, naming the one behind if not. */
public final class CaughtUp {

    private CaughtUp() {}

    public static void await(ReadModels readModels, long head, Duration patience) {
        Awaitility.await().atMost(patience).untilAsserted(() -> assertThat(readModels.all())
                .allSatisfy(status ->
                        assertThat(status.caughtUpWith(head)).as("%s", status).isTrue()));
    }
}
