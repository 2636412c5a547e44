package io.livedrop.common.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception of a servlet service into problem+json with a stable {@code code}. Client
 * mistakes become 4xx with a readable detail; anything else becomes a 500 without internals.
 */
@RestControllerAdvice
public class ServletProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServletProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException ex, HttpServletRequest request) {
        return problem(Problems.of(ex.code(), ex.getMessage(), request.getRequestURI(), ex.violations()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(
            ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldViolation> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(validationFailed(request.getRequestURI(), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(
            MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        var error = new FieldViolation(ex.getName(), "has an invalid value");
        return problem(validationFailed(request.getRequestURI(), List.of(error)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return problem(Problems.of(ErrorCode.FORBIDDEN, "You are not allowed to do this", request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            return handleApi(tooLarge, request);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = ex.getBindingResult().getAllErrors().stream()
                .map(e -> new FieldViolation(
                        e instanceof FieldError fe ? fe.getField() : e.getObjectName(), e.getDefaultMessage()))
                .toList();
        return body(validationFailed(path(request), errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(e -> new FieldViolation(
                                result.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return body(validationFailed(path(request), errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            // a body cut off at the size limit while the parser was reading it: 413, not 400
            return body(Problems.of(tooLarge.code(), tooLarge.getMessage(), path(request)), headers);
        }
        return body(Problems.of(ErrorCode.VALIDATION_FAILED, ReadableBodyErrors.describe(ex), path(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String detail = ex instanceof MissingRequestHeaderException missing
                ? "Required header '" + missing.getHeaderName() + "' is missing"
                : ex.getBody().getDetail();
        return body(Problems.of(ErrorCode.VALIDATION_FAILED, detail, path(request)), headers);
    }

    /** Every other framework exception: keep Spring's status and detail, add our type and code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : ex.getMessage();
        ErrorCode code = ErrorCode.forStatus(status.value());
        if (status.is5xxServerError()) {
            log.error("Framework error on {}", path(request), ex);
            detail = code.title();
        }
        return body(Problems.of(status, code.name(), code.title(), detail, path(request)), headers);
    }

    private static ProblemDetail validationFailed(String instance, List<FieldViolation> errors) {
        return Problems.of(ErrorCode.VALIDATION_FAILED, "Request validation failed", instance, errors);
    }

    /** A 503 always says when to come back (API.md "Overload"): {@code Retry-After: 1}. */
    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        var response = ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(merged).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest swr ? swr.getRequest().getRequestURI() : null;
    }

    /** The size limit's exception where a layer wrapped it (a message converter, the parser), or null. */
    private static PayloadTooLargeException tooLarge(Throwable ex) {
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
