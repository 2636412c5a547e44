package io.livedrop.auth.session;

import io.livedrop.auth.token.IssuedToken;
import io.livedrop.auth.user.UserAccount;

/** What a sign-in, sign-up or refresh hands the client: who, an access token and a refresh token. */
record Session(UserAccount user, IssuedToken accessToken, String refreshToken) {}
