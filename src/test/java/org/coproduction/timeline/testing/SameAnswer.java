package org.coproduction.timeline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.function.Supplier;
import org.coproduction.timeline.api.RuleViolationException;

/** A read model's answer held to the fold's: equal, or both refused for the same field. */
public final class SameAnswer {

    private SameAnswer() {}

    public static void assertSameAnswerOrBothNotFound(
            Supplier<Object> readModelAnswer, Supplier<Object> foldAnswer, Supplier<String> where) {
        Object expected;
        try {
            expected = foldAnswer.get();
        } catch (RuleViolationException e) {
            Throwable thrown = catchThrowable(readModelAnswer::get);
            assertThat(thrown).as(where).isInstanceOf(RuleViolationException.class);
            assertThat(((RuleViolationException) thrown).field()).as(where).isEqualTo(e.field());
            return;
        }
        assertThat(readModelAnswer.get()).as(where).isEqualTo(expected);
    }
}
