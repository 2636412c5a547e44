package io.livedrop.order;

import io.livedrop.common.test.ServiceSmokeTests;
import io.livedrop.order.support.OrderServiceTest;

@OrderServiceTest
class OrderServiceSmokeTests extends ServiceSmokeTests {}
