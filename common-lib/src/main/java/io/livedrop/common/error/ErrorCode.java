package io.livedrop.common.error;

import org.springframework.http.HttpStatus;

/**
 * The stable machine codes of the public API (API.md). A code always travels with the same status,
 * so throwing one is enough to produce the right problem+json response.
 */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Request validation failed"),
    INVALID_CURSOR(HttpStatus.BAD_REQUEST, "Invalid pagination cursor"),
    IDEMPOTENCY_KEY_MISSING(HttpStatus.BAD_REQUEST, "Idempotency-Key header is required"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid email or password"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "Refresh token was already used"),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "Refresh token is invalid or expired"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_A_CREATOR(HttpStatus.FORBIDDEN, "Only creators can do this"),
    ADMISSION_REQUIRED(HttpStatus.FORBIDDEN, "This drop has a waiting room; an admission token is required"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Resource not found"),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
    CREATOR_NOT_FOUND(HttpStatus.NOT_FOUND, "Creator not found"),
    PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND, "Product not found"),
    DROP_NOT_FOUND(HttpStatus.NOT_FOUND, "Drop not found"),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "Order not found"),
    PAYMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "Payment not found"),
    NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Notification not found"),
    RESERVATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Reservation not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "Email is already registered"),
    ALREADY_CREATOR(HttpStatus.CONFLICT, "User is already a creator"),
    HANDLE_TAKEN(HttpStatus.CONFLICT, "Handle is already taken"),
    DROP_NOT_EDITABLE(HttpStatus.CONFLICT, "Drop can no longer be edited"),
    DROP_NOT_LIVE(HttpStatus.CONFLICT, "Drop is not live"),
    SOLD_OUT(HttpStatus.CONFLICT, "Sold out"),
    QUEUE_NOT_OPEN(HttpStatus.CONFLICT, "The waiting room is not open"),
    NO_WAITING_ROOM(HttpStatus.CONFLICT, "This drop has no waiting room"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress"),
    ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "Order cannot be cancelled"),
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT, "Order cannot be paid"),
    RESERVATION_NOT_ACTIVE(HttpStatus.CONFLICT, "Reservation is no longer in a state that allows this"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key was used with a different request"),
    CANNOT_FOLLOW_SELF(HttpStatus.UNPROCESSABLE_CONTENT, "You cannot follow yourself"),
    PER_USER_LIMIT_EXCEEDED(HttpStatus.UNPROCESSABLE_CONTENT, "Per-user limit for this drop exceeded"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"),
    /**
     * Internal (service to service): the operation was started and may still complete; repeat it with
     * the same id to learn the outcome. Unlike {@link #SERVICE_UNAVAILABLE}, something may have been
     * written.
     */
    OUTCOME_PENDING(HttpStatus.SERVICE_UNAVAILABLE, "Outcome not known yet"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Upstream timed out");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code used when a framework error carries only a status. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
