package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidSetTest {

    private static final UUID NIL = new UUID(0, 0);
    private static final UUID ONE = UUID.fromString("3f1c2a8e-52d4-4c1e-9a57-0d6a1b2c3d4e");

    @Test
    void addsAnIdOnceAndFindsIt() {
        UuidSet set = new UuidSet();

        assertThat(set.contains(ONE)).isFalse();
        assertThat(set.add(ONE)).isTrue();
        assertThat(set.add(UUID.fromString(ONE.toString()))).isFalse();
        assertThat(set.contains(ONE)).isTrue();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void keepsTheNilIdThoughItsBitsMarkAFreeSlot() {
        UuidSet set = new UuidSet();

        assertThat(set.contains(NIL)).isFalse();
        assertThat(set.add(NIL)).isTrue();
        assertThat(set.add(NIL)).isFalse();
        assertThat(set.contains(NIL)).isTrue();
        assertThat(set.contains(ONE)).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    /** Ids that differ in one half only, and many of them, so that the table grows several times. */
    @Test
    void answersLikeAHashSetThroughGrowth() {
        Random random = new Random(20261202L);
        UuidSet set = new UuidSet();
        Set<UUID> expected = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            UUID id =
                    switch (i % 4) {
                        case 0 -> new UUID(random.nextInt(1000), 0);
                        case 1 -> new UUID(0, random.nextInt(1000));
                        case 2 -> new UUID(7, random.nextInt(50_000));
                        default -> new UUID(random.nextLong(), random.nextLong());
                    };
            assertThat(set.add(id)).as("add %s", id).isEqualTo(expected.add(id));
        }
        assertThat(set.size()).isEqualTo(expected.size());
        for (int i = 0; i < 50_000; i++) {
            UUID probe = i % 2 == 0 ? new UUID(7, i) : new UUID(random.nextLong(), random.nextLong());
            assertThat(set.contains(probe)).as("contains %s", probe).isEqualTo(expected.contains(probe));
        }
    }
}
