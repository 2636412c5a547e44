package io.livedrop.follower;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;

// same annotations as the API tests, so the whole module shares one Spring context
@IntegrationTest
@AutoConfigureRestTestClient
class FollowerServiceSmokeTests extends ServiceSmokeTests {}
