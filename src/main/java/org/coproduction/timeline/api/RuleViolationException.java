package org.coproduction.timeline.api;

/**
 * A command or imported event that breaks one of the project's rules, given its history so far.
 * {@link Kind#NOT_FOUND} means it names something the project does not have (an unknown project,
 * meeting or decision); {@link Kind#CONFLICT} that it contradicts what is recorded.
 */
public class RuleViolationException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public RuleViolationException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RuleViolationException notFound(String field, String message) {
        return new RuleViolationException(Kind.NOT_FOUND, field, message);
    }

    public static RuleViolationException conflict(String field, String message) {
        return new RuleViolationException(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
