package org.coproduction.timeline.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that can never be right, whatever the project's history: names the field and the reason, or
 * every field at fault in one request ({@link #all()}).
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String reason;
    private final List<InvalidFieldException> all;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
        this.all = List.of(this);
    }

    /** Several fields at fault: named by the first, each in {@link #all()}. */
    InvalidFieldException(List<InvalidFieldException> all) {
        super(all.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        this.field = all.get(0).field();
        this.reason = all.get(0).reason();
        this.all = List.copyOf(all);
    }

    /** The fields at fault in the first, then those in the second. */
    public static InvalidFieldException together(InvalidFieldException first, InvalidFieldException second) {
        List<InvalidFieldException> all = new java.util.ArrayList<>(first.all());
        all.addAll(second.all());
        return new InvalidFieldException(all);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** Every field at fault: this one alone, or each of several. */
    public List<InvalidFieldException> all() {
        return all;
    }
}
