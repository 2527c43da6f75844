package vn.nangsuat.kit.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method that creates (a `POST`): a request may carry an `Idempotency-Key`, and a retry with the same
 * key and body answers the first result again instead of creating twice ({@link IdempotentCreates}). The OpenAPI
 * document gets the header, its 409 and 422 and the `Idempotent-Replayed` answer header ({@link IdempotencyKeyDocs}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotentCreate {
}
