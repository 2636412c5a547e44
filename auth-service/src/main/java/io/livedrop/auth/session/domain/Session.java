package io.livedrop.auth.session.domain;

import io.livedrop.auth.token.domain.IssuedToken;
import io.livedrop.auth.user.domain.UserAccount;

/** What a sign-in, sign-up or refresh hands the client: who, an access token and a refresh token. */
public record Session(UserAccount user, IssuedToken accessToken, String refreshToken) {}
