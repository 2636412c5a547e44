package io.livedrop.payment;

import io.livedrop.common.test.ServiceSmokeTests;
import io.livedrop.payment.support.PaymentServiceTest;

@PaymentServiceTest
class PaymentServiceSmokeTests extends ServiceSmokeTests {}
