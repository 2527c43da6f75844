package vn.nangsuat.plan.domain;

/** The national programme a provincial plan carries out: a province may carry out several. */
public enum LegalBasis {
    /** Decision 36/QĐ-TTg (2021): productivity based on science, technology and innovation, 2021-2030. */
    DECISION_36_2021,
    /** Decision 1322/QĐ-TTg (2020): productivity and quality of products and goods, 2021-2030. */
    DECISION_1322_2020,
    /** Any other basis, named in the plan's title. */
    OTHER
}
