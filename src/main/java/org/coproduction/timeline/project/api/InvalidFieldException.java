package org.coproduction.timeline.project.api;

/** Input that can never be right, whatever the project's history: names the field and the reason. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
