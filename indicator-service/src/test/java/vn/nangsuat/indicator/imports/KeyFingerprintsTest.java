package vn.nangsuat.indicator.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

    @Test
    void aMillionDistinctKeysAreNotTakenForRepeated() {
        String[] months = new String[189];
        for (int month = 0; month < months.length; month++) {
            months[month] = (2000 + month / 12) + (month % 12 < 9 ? "-0" : "-") + (month % 12 + 1);
        }
        KeyFingerprints keys = new KeyFingerprints();
        for (int unit = 1; unit <= 63; unit++) {
            for (int indicator = 0; indicator < 84; indicator++) {
                for (String month : months) {
                    keys.add((unit < 10 ? "0" : "") + unit, "IND_" + indicator, month);
                }
            }
        }
        assertFalse(keys.maybeRepeated());
    }

    @Test
    void aKeyGivenTwiceIsReportedEvenAmongManyOthers() {
        KeyFingerprints keys = new KeyFingerprints();
        for (int i = 0; i < 100_000; i++) {
            keys.add("01", "GRDP", Integer.toString(i));
        }
        keys.add("01", "GRDP", "4242");
        assertTrue(keys.maybeRepeated());
    }

    @Test
    void theBoundaryBetweenTheKeysPartsCounts() {
        KeyFingerprints keys = new KeyFingerprints();
        keys.add("01", "GRDP", "2024");
        keys.add("01", "GRDP2", "024");
        keys.add("01G", "RDP", "2024");
        assertFalse(keys.maybeRepeated());
    }

    @Test
    void pastTheLimitEveryFileMayRepeat() {
        KeyFingerprints keys = new KeyFingerprints();
        for (int i = 0; i <= KeyFingerprints.MAX_KEYS; i++) {
            keys.add("01", "GRDP", Integer.toString(i));
        }
        assertTrue(keys.maybeRepeated());
    }
}
