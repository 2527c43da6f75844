package vn.nangsuat.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What an indicator measures, its unit, and how its values combine across provinces. */
@Entity
@Table(name = "indicator_definition")
public class IndicatorDefinition {

    @Id
    @Column(length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "name_vi", nullable = false, length = 200)
    public String nameVi;

    @Column(nullable = false, length = 60)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Periodicity periodicity;

    /** Decimals a value is published with. */
    @Column(nullable = false)
    public int decimals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Direction better;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Aggregation aggregation;

    @Column(name = "numerator_code", length = 40)
    public String numeratorCode;

    @Column(name = "denominator_code", length = 40)
    public String denominatorCode;

    /** For a GROWTH: the indicator whose year-on-year change it is. */
    @Column(name = "base_code", length = 40)
    public String baseCode;

    @Column(nullable = false, length = 1000)
    public String description;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;
}
