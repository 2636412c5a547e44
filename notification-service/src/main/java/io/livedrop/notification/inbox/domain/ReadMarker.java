package io.livedrop.notification.inbox.domain;

/**
 * The user's read state on the primary: the read-all watermark (every notification up to this id
 * is read; 0 when never) and whether they changed their read state within {@code recent}.
 */
public record ReadMarker(long readThrough, boolean wroteRecently) {}
