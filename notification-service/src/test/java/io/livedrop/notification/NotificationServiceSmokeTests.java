package io.livedrop.notification;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class NotificationServiceSmokeTests extends ServiceSmokeTests {}
