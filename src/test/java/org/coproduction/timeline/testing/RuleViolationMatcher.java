package org.coproduction.timeline.testing;

import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matches a {@link RuleViolationException} by its kind, the field at fault and, optionally, its message. */
public final class RuleViolationMatcher extends TypeSafeDiagnosingMatcher<RuleViolationException> {

    private final Kind kind;
    private final String field;
    private final String messageFragment;

    private RuleViolationMatcher(Kind kind, String field, String messageFragment) {
        this.kind = kind;
        this.field = field;
        this.messageFragment = messageFragment;
    }

    public static Matcher<RuleViolationException> notFound(String field) {
        return new RuleViolationMatcher(Kind.NOT_FOUND, field, null);
    }

    public static Matcher<RuleViolationException> conflict(String field) {
        return new RuleViolationMatcher(Kind.CONFLICT, field, null);
    }

    public static Matcher<RuleViolationException> violation(Kind kind, String field) {
        return new RuleViolationMatcher(kind, field, null);
    }

    public static Matcher<RuleViolationException> violation(Kind kind, String field, String messageFragment) {
        return new RuleViolationMatcher(kind, field, messageFragment);
    }

    @Override
    protected boolean matchesSafely(RuleViolationException e, Description mismatch) {
        boolean matches = e.kind() == kind
                && field.equals(e.field())
                && (messageFragment == null
                        || (e.getMessage() != null && e.getMessage().contains(messageFragment)));
        if (!matches) {
            mismatch.appendText("was ")
                    .appendValue(e.kind())
                    .appendText(" on ")
                    .appendValue(e.field())
                    .appendText(": ")
                    .appendValue(e.getMessage());
        }
        return matches;
    }

    @Override
    public void describeTo(Description description) {
        description
                .appendText("a RuleViolationException ")
                .appendValue(kind)
                .appendText(" on ")
                .appendValue(field);
        if (messageFragment != null) {
            description.appendText(" with a message containing ").appendValue(messageFragment);
        }
    }
}
