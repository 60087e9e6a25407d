package org.coproduction.timeline.access;

/**
 * A signed-in account asked for something its role allows in general but not in this case: writing
 * a reflection in another member's name, say. Answered 403 with the reason.
 */
public class NotAllowedException extends RuntimeException {

    private final String field;

    public NotAllowedException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
