package io.livedrop.follower;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class FollowerServiceSmokeTests extends ServiceSmokeTests {}
