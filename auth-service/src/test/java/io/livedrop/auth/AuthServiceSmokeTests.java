package io.livedrop.auth;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class AuthServiceSmokeTests extends ServiceSmokeTests {}
