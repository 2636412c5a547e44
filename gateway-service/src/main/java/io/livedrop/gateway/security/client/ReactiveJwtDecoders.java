package io.livedrop.gateway.security.client;

import io.livedrop.common.security.JwtDecoders;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.security.VerifiedTokens;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of common-lib's {@code JwtDecoders}: RS256 with auth-service's keys ({@link
 * JwksKeySource}), our issuer, one audience; verified tokens are remembered until they expire.
 */
public final class ReactiveJwtDecoders {

    private ReactiveJwtDecoders() {}

    public static ReactiveJwtDecoder forAudience(JwksKeySource keys, SecurityProperties properties, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setClaimSetConverter(JwtDecoders.claimsWithPlainIssuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        VerifiedTokens verified = properties.verifiedTokens();
        return token -> verified.find(token)
                .map(Mono::just)
                .orElseGet(() -> decoder.decode(token).map(jwt -> verified.remember(token, jwt)));
    }
}
