package io.livedrop.common.error;

/** One entry of a problem's {@code errors[]}: which field, and what is wrong with it. */
public record FieldViolation(String field, String message) {}
