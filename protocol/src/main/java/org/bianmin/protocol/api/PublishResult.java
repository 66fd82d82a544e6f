package org.bianmin.protocol.api;

/** What the portal answers after a publish: the now current version, its ETag and how many kiosks were told. */
public record PublishResult(long version, String etag, int kiosksNotified) {}
