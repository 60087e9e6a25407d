package org.coproduction.timeline.api;

/** The kind of text a passage is part of: a diary reflection's text, or an interview's summary. */
public enum PassageSource {
    REFLECTION,
    INTERVIEW
}
