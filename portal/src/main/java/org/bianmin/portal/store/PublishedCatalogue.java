package org.bianmin.portal.store;

/** A published catalogue version: the signed bytes, the signature file's bytes and their ETags. */
public record PublishedCatalogue(long version, byte[] body, byte[] signature, String etag, String signatureEtag) {}
