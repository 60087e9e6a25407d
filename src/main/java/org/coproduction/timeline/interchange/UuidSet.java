package org.coproduction.timeline.interchange;

import java.util.UUID;

/**
 * A set of UUIDs kept as pairs of longs in one array (open addressing, linear probing), without
 * the node, the UUID object and the table slot a {@code HashSet<UUID>} keeps for each. An import
 * remembers every event id it has seen and every id already stored in the projects it touches; in a
 * {@code HashSet} they were a large part of what a large import kept live, and a bounded heap then
 * spent much of the import in collections.
 */
final class UuidSet {

    private static final int MIN_SLOTS = 16;

    /** Slot i is {@code pairs[2i]} (most significant bits) and {@code pairs[2i + 1]}; (0, 0) is free. */
    private long[] pairs = new long[2 * MIN_SLOTS];

    private int size;
    private boolean hasNil;

    /** Adds {@code id}; false when it was already present. */
    boolean add(UUID id) {
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        if (msb == 0 && lsb == 0) {
            boolean added = !hasNil;
            hasNil = true;
            return added;
        }
        int slot = slotOf(msb, lsb);
        if (!isFree(slot)) {
            return false;
        }
        put(slot, msb, lsb);
        if (++size > (pairs.length / 2 - 1) / 4 * 3) {
            grow();
        }
        return true;
    }

    boolean contains(UUID id) {
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        if (msb == 0 && lsb == 0) {
            return hasNil;
        }
        return !isFree(slotOf(msb, lsb));
    }

    int size() {
        return size + (hasNil ? 1 : 0);
    }

    /** The slot holding the id, or the free slot its probe ended at. */
    private int slotOf(long msb, long lsb) {
        int mask = pairs.length / 2 - 1;
        int slot = hash(msb, lsb) & mask;
        while (!isFree(slot) && (pairs[2 * slot] != msb || pairs[2 * slot + 1] != lsb)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean isFree(int slot) {
        return pairs[2 * slot] == 0 && pairs[2 * slot + 1] == 0;
    }

    private void put(int slot, long msb, long lsb) {
        pairs[2 * slot] = msb;
        pairs[2 * slot + 1] = lsb;
    }

    private void grow() {
        long[] old = pairs;
        pairs = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                put(slotOf(old[i], old[i + 1]), old[i], old[i + 1]);
            }
        }
    }

    /** Murmur3's 64-bit finaliser over both halves: ids derived from content are not uniformly spread. */
    private static int hash(long msb, long lsb) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a87c5L;
        h ^= h >>> 33;
        return (int) h;
    }
}
