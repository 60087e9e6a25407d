package org.coproduction.timeline.interchange;

import java.util.Objects;

/**
 * One way an interchange line breaks the published schemas.
 *
 * @param field where, as a dotted path from the line's root such as {@code data.category} or {@code
 *     data.perspectives[0]}; empty when the line itself is at fault
 * @param message why, in words a research team can act on, such as {@code is required}
 */
public record SchemaViolation(String field, String message) {

    public SchemaViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + " " + message;
    }
}
