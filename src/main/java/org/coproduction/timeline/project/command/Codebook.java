package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.RuleViolationException;

/**
 * A project's codebook as far as its rules need it: which codes are known (defined, or given in a
 * coding), each one's parent, and which were merged or retired and when. A code merged or retired
 * may not be given in a coding that occurred from then on, nor be changed again; the IPA categories
 * are built in and cannot be defined; a code cannot sit under itself, directly or through others.
 */
public final class Codebook {

    private record Entry(String parent, boolean defined, Instant closedAt, String mergedInto) {

        Entry under(String newParent) {
            return new Entry(newParent, defined, closedAt, mergedInto);
        }

        Entry closed(Instant at, String into) {
            return new Entry(parent, defined, at, into);
        }

        /** What closed it, in words: "retired" or "merged into "x"". */
        String closedAs() {
            return mergedInto == null ? "retired" : "merged into \"" + mergedInto + "\"";
        }
    }

    /** The IPA categories' keys in lower case: built in, no team code may take one. */
    private static final Set<String> IPA = Arrays.stream(IpaCategory.values())
            .map(category -> category.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, Entry> codes = new HashMap<>();

    /** Refuses a codebook change that breaks a rule; {@code changedBy} is checked by the caller. */
    public void check(CodebookEvent event) {
        if (event instanceof CodeDefined defined) {
            if (IPA.contains(defined.code().toLowerCase(Locale.ROOT))) {
                throw conflict("code", "\"" + defined.code() + "\" is one of Bales' IPA categories, built in");
            }
            Entry entry = codes.get(defined.code());
            if (entry != null && entry.defined()) {
                throw conflict("code", "code \"" + defined.code() + "\" is already defined; revise it instead");
            }
            requireOpen("code", defined.code());
            requireParent(defined.code(), defined.parent());
        } else if (event instanceof CodeRevised revised) {
            requireKnown("code", revised.code());
            requireOpen("code", revised.code());
            requireParent(revised.code(), revised.parent());
        } else if (event instanceof CodesMerged merged) {
            requireKnown("into", merged.into());
            requireOpen("into", merged.into());
            for (int i = 0; i < merged.codes().size(); i++) {
                String code = merged.codes().get(i);
                String field = "codes[" + i + "]";
                requireKnown(field, code);
                requireOpen(field, code);
                if (code.equals(merged.into())) {
                    throw conflict(field, "a code cannot be merged into itself");
                }
            }
        } else if (event instanceof CodeRetired retired) {
            requireKnown("code", retired.code());
            requireOpen("code", retired.code());
        }
    }

    /** Refuses a coding, occurring at {@code at}, that gives a code merged or retired by then. */
    public void requireUsable(String field, List<String> given, Instant at) {
        for (int i = 0; i < given.size(); i++) {
            Entry entry = codes.get(given.get(i));
            if (entry != null && entry.closedAt() != null && !at.isBefore(entry.closedAt())) {
                throw conflict(
                        field + "[" + i + "]",
                        "code \"" + given.get(i) + "\" was " + entry.closedAs() + " at " + entry.closedAt()
                                + (entry.mergedInto() == null ? "" : ": give that code"));
            }
        }
    }

    public void evolve(CodebookEvent event) {
        if (event instanceof CodeDefined defined) {
            codes.put(defined.code(), new Entry(defined.parent(), true, null, null));
        } else if (event instanceof CodeRevised revised) {
            codes.computeIfPresent(revised.code(), (code, entry) -> entry.under(revised.parent()));
        } else if (event instanceof CodesMerged merged) {
            merged.codes()
                    .forEach(code -> codes.computeIfPresent(
                            code, (key, entry) -> entry.closed(merged.occurredAt(), merged.into())));
        } else if (event instanceof CodeRetired retired) {
            codes.computeIfPresent(retired.code(), (code, entry) -> entry.closed(retired.occurredAt(), null));
        }
    }

    /**
     * Refuses a run of changes, each judged after the ones before it (on a copy: this codebook is
     * left as it is), naming the line of the change at fault.
     */
    public void checkInOrder(List<? extends CodebookEvent> changes, List<Integer> lines) {
        Codebook copy = new Codebook();
        copy.codes.putAll(codes);
        for (int i = 0; i < changes.size(); i++) {
            try {
                copy.check(changes.get(i));
            } catch (RuleViolationException e) {
                throw new RuleViolationException(e.kind(), "file", "line " + lines.get(i) + ": " + e.getMessage());
            }
            copy.evolve(changes.get(i));
        }
    }

    /** Takes in the codes a coding gave: each becomes a code of the codebook, if it was not one. */
    public void used(List<String> given) {
        if (given != null) {
            given.forEach(code -> codes.putIfAbsent(code, new Entry(null, false, null, null)));
        }
    }

    private void requireKnown(String field, String code) {
        if (!codes.containsKey(code)) {
            throw notFound(field, "code \"" + code + "\" is neither defined nor given in any coding");
        }
    }

    private void requireOpen(String field, String code) {
        Entry entry = codes.get(code);
        if (entry != null && entry.closedAt() != null) {
            throw conflict(field, "code \"" + code + "\" was " + entry.closedAs() + " and cannot be changed or used");
        }
    }

    /** The parent must be another known, open code, and not one of the code's own descendants. */
    private void requireParent(String code, String parent) {
        if (parent == null) {
            return;
        }
        requireKnown("parent", parent);
        requireOpen("parent", parent);
        for (String up = parent;
                up != null;
                up = codes.containsKey(up) ? codes.get(up).parent() : null) {
            if (up.equals(code)) {
                throw conflict("parent", "code \"" + code + "\" cannot sit under itself or a code beneath it");
            }
        }
    }
}
