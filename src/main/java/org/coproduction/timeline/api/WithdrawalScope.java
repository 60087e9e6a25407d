package org.coproduction.timeline.api;

/**
 * What a member's withdrawal of consent takes out of the record (docs/events.md, docs/privacy.md).
 * Either way their personal text and name are destroyed and nothing more is recorded about them.
 */
public enum WithdrawalScope {
    /**
     * Their text and name only: what they did still counts, shown under a stable pseudonym such as
     * "Withdrawn member 3".
     */
    TEXT,
    /**
     * Everything: they are also left out of every figure and list, at every asOf, as the record
     * stands from the moment the withdrawal was recorded (an earlier knownAt shows what the record
     * held then, without the destroyed text).
     */
    ALL
}
