package io.livedrop.common.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * RS256 decoders against auth-service's JWKS that insist on our issuer and one audience. A token
 * that cannot be checked because the JWKS could not be fetched fails with a plain {@code
 * JwtException}, not a {@code BadJwtException}: callers answer 503 for it, never 401. A token that
 * passed every check is remembered ({@link VerifiedTokens}) and not checked again until it expires.
 */
public final class JwtDecoders {

    private JwtDecoders() {}

    public static JwtDecoder forAudience(SecurityProperties properties, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(jwksClient(properties.jwksTimeout()))
                .build();
        decoder.setClaimSetConverter(claimsWithPlainIssuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        VerifiedTokens verified = properties.verifiedTokens();
        return token -> verified.find(token).orElseGet(() -> verified.remember(token, decoder.decode(token)));
    }

    /**
     * Our issuer is a name, not a URL: Spring's default claim conversion tries {@code iss} as a URL
     * first and throws and catches an exception for every token.
     */
    public static MappedJwtClaimSetConverter claimsWithPlainIssuer() {
        return MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString()));
    }

    private static RestTemplate jwksClient(Duration timeout) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return new RestTemplate(requests);
    }
}
