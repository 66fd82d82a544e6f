package org.bianmin.device.a4;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One document for the A4 printer: an id stable across restarts (what the journal uses to never print it twice;
 * also sent as the IPP {@code job-name}), the document and its MIME type.
 */
public record A4Job(String id, byte[] document, String format) {

    /** Same alphabet as receipt job ids: document numbers, receipt numbers. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._*-]{1,80}");

    public A4Job {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("job id must be 1-80 characters of A-Z a-z 0-9 . _ - *, was " + id);
        }
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        if (document.length == 0) {
            throw new IllegalArgumentException("empty document for job " + id);
        }
        document = document.clone();
    }

    public static A4Job pdf(String id, byte[] pdf) {
        return new A4Job(id, pdf, A4Status.PDF);
    }

    @Override
    public byte[] document() {
        return document.clone();
    }

    byte[] documentUnsafe() {
        return document;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof A4Job j && j.id.equals(id) && j.format.equals(format)
                && java.util.Arrays.equals(j.document, document);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "A4Job[" + id + ", " + format + ", " + document.length + " bytes]";
    }
}
