package vn.nangsuat.indicator.imports;

/**
 * Whether any key (unit, indicator, period) of a file may be given twice, known while the file is read: each key's
 * 64-bit fingerprint goes into an open-addressing set of longs (8 bytes a row, 16 MB for a million rows). A repeated
 * fingerprint means "maybe": the database then lists the repeated keys exactly. Most files repeat none, and skip that
 * query. Beyond {@link #MAX_KEYS} keys the set stops growing and answers "maybe".
 */
final class KeyFingerprints {

    static final int MAX_KEYS = 1 << 20;
    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean maybeRepeated;

    void add(String unit, String indicator, String period) {
        if (maybeRepeated) {
            return;
        }
        if (size == MAX_KEYS) {
            maybeRepeated = true;
            slots = null;
            return;
        }
        long fingerprint = fingerprint(unit, indicator, period);
        if (!insert(slots, fingerprint)) {
            maybeRepeated = true;
            slots = null;
            return;
        }
        if (++size * 2 > slots.length) {
            long[] larger = new long[slots.length * 2];
            for (long slot : slots) {
                if (slot != EMPTY) {
                    insert(larger, slot);
                }
            }
            slots = larger;
        }
    }

    /** False when no two keys added were equal; true when two may have been. */
    boolean maybeRepeated() {
        return maybeRepeated;
    }

    /** Adds the fingerprint; false when it was there. */
    private static boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = fingerprint;
                return true;
            }
            if (table[i] == fingerprint) {
                return false;
            }
        }
    }

    /** FNV-1a over the three texts, then MurmurHash3's finaliser to spread the bits; never {@link #EMPTY}. */
    static long fingerprint(String unit, String indicator, String period) {
        long hash = 0xcbf29ce484222325L;
        for (String part : new String[] {unit, indicator, period}) {
            for (int i = 0; i < part.length(); i++) {
                hash = (hash ^ part.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;  // a separator: ("A", "BC") and ("AB", "C") differ
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }
}
