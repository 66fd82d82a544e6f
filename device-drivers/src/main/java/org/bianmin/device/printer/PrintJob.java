package org.bianmin.device.printer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One print job: an id that is stable across restarts (the receipt number) and the ESC/POS bytes. The id is what
 * the journal uses to never print the same receipt twice.
 */
public record PrintJob(String id, byte[] data) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    public PrintJob {
        Objects.requireNonNull(data, "data");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("job id must be 1-80 characters of A-Z a-z 0-9 . _ -, was " + id);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("empty print job " + id);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return data.length;
    }

    byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrintJob j && j.id.equals(id) && java.util.Arrays.equals(j.data, data);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PrintJob[" + id + ", " + data.length + " bytes]";
    }
}
