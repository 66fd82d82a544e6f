package org.bianmin.protocol.api;

/** Data of an SSE {@code catalogue} event: a version is available at {@code etag}. */
public record CatalogueAnnouncement(long version, String etag) {}
