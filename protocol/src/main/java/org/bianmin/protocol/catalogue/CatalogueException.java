package org.bianmin.protocol.catalogue;

import java.util.List;

/** A catalogue file that cannot be used; every problem names the item (by code, or position) and the field. */
public final class CatalogueException extends Exception {

    private final List<String> problems;

    public CatalogueException(String source, List<String> problems) {
        super("Invalid catalogue " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
