package org.bianmin.device.printer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One print job: an id that is stable across restarts (the receipt number), the ESC/POS bytes, and the offsets
 * where a command ends. The driver asks for status only at those offsets: a {@code DLE EOT} inside a raster
 * band's data would be image bytes to the printer. The id is what the journal uses to never print the same
 * receipt twice.
 *
 * @param pausePoints ascending offsets in (0, data.length] where a command ends; always includes data.length
 */
public record PrintJob(String id, byte[] data, int[] pausePoints) {

    /** A job of opaque bytes: status is asked only before and after it. */
    public PrintJob(String id, byte[] data) {
        this(id, data, new int[] {data.length});
    }


    /** Receipt numbers: letters, digits, {@code . _ -}, and {@code *} (an ISO 7064 MOD 37-2 check character). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._*-]{1,80}");

    public PrintJob {
        Objects.requireNonNull(data, "data");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("job id must be 1-80 characters of A-Z a-z 0-9 . _ - *, was " + id);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("empty print job " + id);
        }
        data = data.clone();
        pausePoints = pausePoints.clone();
        int last = 0;
        for (int p : pausePoints) {
            if (p <= last || p > data.length) {
                throw new IllegalArgumentException("pause points must ascend within (0, " + data.length + "]");
            }
            last = p;
        }
        if (last != data.length) {
            throw new IllegalArgumentException("the last pause point must be the end of the job");
        }
    }

    @Override
    public int[] pausePoints() {
        return pausePoints.clone();
    }

    /** Where the next write run should stop: the furthest pause point within {@code max} bytes, else the next. */
    int nextPause(int from, int max) {
        int best = -1;
        for (int p : pausePoints) {
            if (p > from && p <= from + max) {
                best = p;
            } else if (p > from + max) {
                return best > 0 ? best : p;
            }
        }
        return best;
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
