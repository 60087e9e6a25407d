package org.coproduction.timeline.archfixture;

/** With {@link Hen}, two source files that depend on each other. */
public final class Egg {
    Hen hatches() {
        return new Hen();
    }
}
