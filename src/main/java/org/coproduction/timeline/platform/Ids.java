package org.coproduction.timeline.platform;

/** Where new identifiers come from, so that adapters never mint them ad hoc and tests can fix them. */
@FunctionalInterface
public interface Ids {

    /** A new identifier starting with {@code prefix}, valid under the contract's identifier rule. */
    String next(String prefix);
}
