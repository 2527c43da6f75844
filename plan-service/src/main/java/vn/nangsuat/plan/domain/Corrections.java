package vn.nangsuat.plan.domain;

/** How a partial correction applies: a field the correction leaves out (null) keeps its value. */
final class Corrections {

    private Corrections() {
    }

    static <T> T given(T corrected, T kept) {
        return corrected != null ? corrected : kept;
    }
}
