package org.coproduction.timeline.archfixture;

/** With {@link Egg}, two source files that depend on each other: ArchitectureTest's cycle rules must refuse them. */
public final class Hen {
    Egg lays() {
        return new Egg();
    }
}
