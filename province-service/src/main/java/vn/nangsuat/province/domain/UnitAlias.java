package vn.nangsuat.province.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Another name or abbreviation a unit code is known by ("HCM", "Sài Gòn"); matched by its compact key. */
@Entity
@Table(name = "unit_alias")
public class UnitAlias {

    @Embeddable
    public record Key(@Column(length = 2) String code, @Column(name = "alias_key", length = 100) String aliasKey)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false, length = 100)
    public String alias;
}
