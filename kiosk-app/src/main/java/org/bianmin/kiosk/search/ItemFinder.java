package org.bianmin.kiosk.search;

import java.util.List;
import org.bianmin.protocol.catalogue.ServiceItem;

/** Finds service items for what a citizen typed, best match first. */
@FunctionalInterface
public interface ItemFinder {
    List<ServiceItem> find(String query);
}
