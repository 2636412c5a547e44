package io.livedrop.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field of a request body (a description, a bio): it may hold tab, line feed and carriage
 * return. Every other text field is single-line and may hold no control character at all. See {@link
 * ControlCharacters}.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FreeText {}
