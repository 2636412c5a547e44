package io.livedrop.common.idempotency;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an {@link IdempotencyKey} controller parameter in OpenAPI as the required {@code
 * Idempotency-Key} header (the parameter itself is resolved by {@link IdempotencyKeyArgumentResolver}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(
        name = IdempotencyKey.HEADER,
        in = ParameterIn.HEADER,
        required = true,
        description = "1-255 visible ASCII characters, unique per intended operation",
        schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
public @interface IdempotencyKeyHeader {}
