package vn.nangsuat.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A unit as in force at some date, and which units' values make up its territory in each period: itself while it
 * stands, the units it was made of before it took its form. province-replica's {@code UnitComposition} says which,
 * from the units' lineage.
 */
public interface Territory {

    /** The code of the whole country: a unit of its own, for nationally published figures, never a province. */
    String NATION = "VN";

    /**
     * The first day the units are fully modelled: Hà Nội took its present territory on 2008-08-01 (Hà Tây whole, Mê
     * Linh district from Vĩnh Phúc, four communes of Hòa Bình's Lương Sơn), and the units before that expansion are
     * not recorded. A list of units, or a period, before it would be silently incomplete, so it is refused.
     */
    LocalDate FIRST_MODELLED_DAY = LocalDate.of(2008, 8, 1);

    /** Whether a day can be answered for: see {@link #FIRST_MODELLED_DAY}. */
    static boolean modelled(LocalDate day) {
        return !day.isBefore(FIRST_MODELLED_DAY);
    }

    /** Why a day before {@link #FIRST_MODELLED_DAY} cannot be answered for, for a refusal that names its field. */
    static String whyNotModelled(LocalDate day) {
        return "must be on or after " + FIRST_MODELLED_DAY + ", the first day the units are fully modelled: Hà Nội took"
                + " its present territory then (Hà Tây whole, parts of Vĩnh Phúc and Hòa Bình), and the units before are"
                + " not recorded, so an answer for " + day + " would be incomplete";
    }

    /** {@link #whyNotModelled} in Vietnamese. */
    static String whyNotModelledInVietnamese(LocalDate day) {
        return "phải từ ngày " + FIRST_MODELLED_DAY + " trở đi, ngày đầu tiên các đơn vị được mô hình hóa đầy đủ: Hà Nội"
                + " có địa giới hiện nay từ ngày đó (toàn bộ Hà Tây, một phần Vĩnh Phúc và Hòa Bình), và các đơn vị trước"
                + " đó không được ghi nhận, nên câu trả lời cho ngày " + day + " sẽ không đầy đủ";
    }

    /** The code of the unit the territory is. */
    String code();

    /** The codes whose values make up the territory in the period, or the reason none honestly do. */
    Parts in(Period period);

    /** The codes whose values make up a territory in a period, or the reason none honestly do. */
    record Parts(Set<String> codes, String reason) {

        public static Parts of(Set<String> codes) {
            return new Parts(Collections.unmodifiableSortedSet(new TreeSet<>(codes)), null);
        }

        public static Parts none(String reason) {
            return new Parts(null, reason);
        }

        public boolean known() {
            return codes != null;
        }
    }

    /** A unit that is the same territory in every period (the country). */
    static Territory itself(String code) {
        return of(code, period -> Parts.of(Set.of(code)));
    }

    /** A unit whose parts per period a function gives. */
    static Territory of(String code, Function<Period, Parts> parts) {
        return new Territory() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public Parts in(Period period) {
                return parts.apply(period);
            }
        };
    }
}
