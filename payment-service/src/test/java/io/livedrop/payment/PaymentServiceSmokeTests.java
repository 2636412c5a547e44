package io.livedrop.payment;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class PaymentServiceSmokeTests extends ServiceSmokeTests {}
