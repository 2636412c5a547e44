package io.livedrop.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request body that is never stored, shown or logged as text, only transformed (a
 * password, which is only hashed): it may hold any character, so the rule of {@link ControlCharacters}
 * does not apply. Use sparingly; everything that reaches the database as text must not carry it.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OpaqueText {}
