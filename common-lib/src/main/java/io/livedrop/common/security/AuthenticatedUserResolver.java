package io.livedrop.common.security;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link AuthenticatedUser} parameters from the validated JWT ({@code sub} = user id). A
 * parameter of type {@code Optional<AuthenticatedUser>} is not supported on purpose: endpoints that
 * are public with optional sign-in take {@link CurrentUser#find()} instead.
 */
public class AuthenticatedUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedUser.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return CurrentUser.find()
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"));
    }

    static String subjectOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : null;
    }

    static Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
