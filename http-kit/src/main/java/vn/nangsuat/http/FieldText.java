package vn.nangsuat.http;

import java.util.Locale;

/** One invalid field and what is wrong with it, in both languages: a problem's `errors[]` entry before it is written. */
public record FieldText(String field, Text message) {

    public Problem.FieldError in(Locale language) {
        return new Problem.FieldError(field, message.in(language));
    }
}
