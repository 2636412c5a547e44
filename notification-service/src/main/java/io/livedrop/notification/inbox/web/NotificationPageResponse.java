package io.livedrop.notification.inbox.web;

import java.util.List;

/** A page of the user's notifications, newest first, with their unread count. */
record NotificationPageResponse(List<NotificationResponse> items, String nextCursor, long unreadCount) {}
