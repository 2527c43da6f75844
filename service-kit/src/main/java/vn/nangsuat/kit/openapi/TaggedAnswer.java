package vn.nangsuat.kit.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose answer carries the resource's new ETag (for the next If-Match). Reads need no mark: every JSON read
 * has one ({@link vn.nangsuat.kit.web.EveryReadTagged}). Read by {@link AnswerHeaderDocs} for the contract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TaggedAnswer {
}
