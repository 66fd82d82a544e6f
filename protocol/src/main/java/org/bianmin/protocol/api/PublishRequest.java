package org.bianmin.protocol.api;

/**
 * An operator's publish: the catalogue bytes (base64, so the signed bytes travel unchanged) and their detached
 * signature.
 */
public record PublishRequest(String catalogueBase64, CatalogueSignatureFile signature) {}
