package vn.nangsuat.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.rules.Territory;

/**
 * The rule of every write of a province's data (its indicators, its plans): role `admin`, or role
 * `province-editor` with the unit's code in the token's `provinces` claim. The country's figures (VN), published by
 * the statistics office, are written by an admin only, whatever a token's claim says. A former unit's values, for the
 * periods it stood, are written by the editors of the units it became part of ({@link FormerUnits}): the new Thái
 * Nguyên's office keeps Bắc Kạn's history. Written once, so every service refuses the same way: 403 problem+json
 * naming the codes the token may not write.
 */
@RequestScoped
public class ProvinceScope {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "province-editor";
    /** The claim listing the unit codes a province-editor may write, e.g. ["38"]. */
    public static final String PROVINCES_CLAIM = "provinces";

    private final SecurityIdentity identity;
    private final FormerUnits formerUnits;

    public ProvinceScope(SecurityIdentity identity, Instance<FormerUnits> formerUnits) {
        this.identity = identity;
        // A service without the units' lineage (province-service writes units, not values) keeps no former unit.
        this.formerUnits = formerUnits.isResolvable() ? formerUnits.get() : (code, day, keepers) -> false;
    }

    /** Whether a caller with these roles and this claim may write the data of the unit. */
    static boolean allows(Set<String> roles, Set<String> provinces, String unitCode) {
        return roles.contains(ADMIN) || (roles.contains(EDITOR) && editorMay(provinces, unitCode));
    }

    private static boolean editorMay(Set<String> provinces, String unitCode) {
        return !Territory.NATION.equals(unitCode) && provinces.contains(unitCode);
    }

    /** What a caller may write, kept beyond its request: an import checks its rows after the request has answered. */
    public record Grant(boolean everyUnit, Set<String> units, FormerUnits formerUnits) {

        public boolean allows(String unitCode) {
            return everyUnit || editorMay(units, unitCode);
        }

        /** The same for a value of a period ending on the day: also a former unit that became part of its units. */
        public boolean allows(String unitCode, LocalDate lastDay) {
            return allows(unitCode) || (!units.isEmpty() && !Territory.NATION.equals(unitCode)
                    && formerUnits.keptBy(unitCode, lastDay, units));
        }
    }

    /** What this caller may write. */
    public Grant grant() {
        Set<String> roles = identity.getRoles();
        return new Grant(roles.contains(ADMIN), roles.contains(EDITOR) ? Set.copyOf(provincesClaim()) : Set.of(),
                formerUnits);
    }

    /** Refuses the write of a unit's value of a period ending on the day unless the caller may write it. */
    public void requireWrite(String unitCode, LocalDate lastDay) {
        if (!grant().allows(unitCode, lastDay)) {
            throw forbidden(Set.of(unitCode));
        }
    }

    /** The codes among those given that the caller may not write, sorted; empty when it may write them all. */
    public Set<String> refused(Collection<String> unitCodes) {
        Set<String> roles = identity.getRoles();
        Set<String> provinces = provincesClaim();
        return unitCodes.stream().filter(code -> !allows(roles, provinces, code))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Refuses the request unless the caller may write the data of every one of the units. */
    public void requireWrite(Collection<String> unitCodes) {
        Set<String> refused = refused(unitCodes);
        if (!refused.isEmpty()) {
            throw forbidden(refused);
        }
    }

    private static ProblemException forbidden(Set<String> refused) {
        String units = String.join(", ", refused);
        return new ProblemException(ProblemType.FORBIDDEN,
                new Text("This token may not write the data of unit " + units
                        + ": that needs role admin, or province-editor with the code in its provinces claim (or with a"
                        + " unit it became part of, for the periods it stood; the country's figures, " + Territory.NATION
                        + ", role admin)",
                        "Token này không được ghi dữ liệu của đơn vị " + units
                        + ": việc đó cần vai trò admin, hoặc province-editor có mã này trong claim provinces (hoặc có một"
                        + " đơn vị mà nó đã nhập vào, cho các kỳ nó còn tồn tại; số liệu cả nước, " + Territory.NATION
                        + ", cần vai trò admin)"),
                List.of(new FieldText("provinces", new Text("does not include " + units, "không gồm " + units))));
    }

    public void requireWrite(String unitCode) {
        requireWrite(List.of(unitCode));
    }

    private Set<String> provincesClaim() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(PROVINCES_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(ProvinceScope::text).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    /** A JSON string claim arrives as a JsonString, whose toString() keeps the quotes. */
    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(value);
    }
}
