package org.bianmin.cache.search;

import org.bianmin.protocol.catalogue.ServiceItem;

/** One search result: the item, how it matched, and the text (name, synonym, department, code) that matched. */
public record SearchHit(ServiceItem item, MatchKind kind, String matchedText) {}
