package io.milepost.host.security;

import org.springframework.security.authentication.AuthenticationManager;

/** The password check of API calls (REST basic and gRPC basic), kept apart from the login form's. */
record ApiPasswordCheck(AuthenticationManager manager) {}
