package io.livedrop.order;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class OrderServiceSmokeTests extends ServiceSmokeTests {}
