package org.coproduction.timeline.participation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.participation.query.ContributionList.Entry;
import org.junit.jupiter.api.Test;

class ContributionListTest {

    private static final Entry FIRST = new Entry("c-1", 0, Instant.parse("2021-01-11T10:00:00Z"));
    /** Every character an identifier may hold (docs/events.md), and an instant to the nanosecond. */
    private static final Entry ODD = new Entry("Aa9._:-Zz", 11, Instant.parse("2021-01-11T10:15:30.123456789Z"));

    @Test
    void packedEntriesReadBackAsTheyWere() {
        String packed = ContributionList.pack(List.of(FIRST, ODD));

        assertThat(packed).isEqualTo("c-1;1;2021-01-11T10:00:00Z,Aa9._:-Zz;12;2021-01-11T10:15:30.123456789Z");
        assertThat(ContributionList.parse(packed)).containsExactly(FIRST, ODD);
    }

    @Test
    void appendingToAStoredListKeepsItsEntriesFirst() {
        assertThat(ContributionList.parse(ContributionList.append(ContributionList.pack(List.of(FIRST)), List.of(ODD))))
                .containsExactly(FIRST, ODD);
        assertThat(ContributionList.parse(ContributionList.append("", List.of(ODD))))
                .containsExactly(ODD);
    }

    @Test
    void anEmptyListHasNoEntries() {
        assertThat(ContributionList.pack(List.of())).isEmpty();
        assertThat(ContributionList.parse("")).isEmpty();
    }
}
