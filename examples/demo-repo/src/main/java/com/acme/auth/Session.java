package com.acme.auth;

import com.acme.model.UserId;

/** An authenticated session. */
public record Session(UserId userId, String token) {}
