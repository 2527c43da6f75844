package vn.nangsuat.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.nangsuat.http.Problem;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * The rule of every write of a province's data (its indicators, its plans): role `admin`, or role
 * `province-editor` with the unit's code in the token's `provinces` claim. Written once, so every service refuses
 * the same way: 403 problem+json naming the codes the token may not write.
 */
@RequestScoped
public class ProvinceScope {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "province-editor";
    /** The claim listing the unit codes a province-editor may write, e.g. ["38"]. */
    public static final String PROVINCES_CLAIM = "provinces";

    private final SecurityIdentity identity;

    public ProvinceScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether a caller with these roles and this claim may write the data of the unit. */
    static boolean allows(Set<String> roles, Set<String> provinces, String unitCode) {
        return roles.contains(ADMIN) || (roles.contains(EDITOR) && provinces.contains(unitCode));
    }

    /** What a caller may write, kept beyond its request: an import checks its rows after the request has answered. */
    public record Grant(boolean everyUnit, Set<String> units) {

        public boolean allows(String unitCode) {
            return everyUnit || units.contains(unitCode);
        }
    }

    /** What this caller may write. */
    public Grant grant() {
        Set<String> roles = identity.getRoles();
        return new Grant(roles.contains(ADMIN), roles.contains(EDITOR) ? Set.copyOf(provincesClaim()) : Set.of());
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
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "This token may not write the data of unit " + String.join(", ", refused)
                            + ": that needs role admin, or province-editor with the code in its provinces claim",
                    List.of(new Problem.FieldError("provinces", "does not include " + String.join(", ", refused))));
        }
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
