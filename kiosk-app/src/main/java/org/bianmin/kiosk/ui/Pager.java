package org.bianmin.kiosk.ui;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Which slice of a long list a screen shows. In elder mode a screen shows a few large items at a time, with big
 * "previous" / "more" buttons instead of a long scroll; in standard mode it shows everything (the page scrolls).
 * A plain model: the page survives a re-render (a language switch) and is clamped when the list or mode changes.
 */
public final class Pager {

    private final BooleanSupplier elder;
    private final int elderPageSize;
    private int page;

    /** @param elder whether elder mode is on now (asked at every render) */
    public Pager(BooleanSupplier elder, int elderPageSize) {
        if (elderPageSize < 1) {
            throw new IllegalArgumentException("elderPageSize must be positive");
        }
        this.elder = elder;
        this.elderPageSize = elderPageSize;
    }

    /** Standard mode: one page holding everything. */
    public static Pager never() {
        return new Pager(() -> false, 1);
    }

    public int pageSize() {
        return elder.getAsBoolean() ? elderPageSize : Integer.MAX_VALUE;
    }

    public int pages(int total) {
        return Math.max(1, (int) Math.ceil(total / (double) pageSize()));
    }

    /** The current page, 0-based, clamped to the pages {@code total} items make. */
    public int page(int total) {
        page = Math.min(page, pages(total) - 1);
        return page;
    }

    public <T> List<T> visible(List<T> all) {
        long from = (long) page(all.size()) * pageSize();
        return all.subList((int) Math.min(from, all.size()), (int) Math.min(from + pageSize(), all.size()));
    }

    public boolean hasPrevious(int total) {
        return page(total) > 0;
    }

    public boolean hasNext(int total) {
        return page(total) < pages(total) - 1;
    }

    public void previous(int total) {
        if (hasPrevious(total)) {
            page--;
        }
    }

    public void next(int total) {
        if (hasNext(total)) {
            page++;
        }
    }
}
