package org.bianmin.receipt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shrinks a CID-keyed CFF font that OpenPDF has subset. OpenPDF's subset of an OpenType/CFF face (Noto Sans CJK in
 * its .ttc) keeps all 65,535 glyph slots, empty ones included, and every font dict's local subroutines: about 200 KB
 * per receipt. This keeps the glyphs that have outlines (and .notdef), maps their CIDs to them through the charset
 * (so the PDF's CIDs stay valid), and drops the subroutines of font dicts no kept glyph uses. Charstrings are copied
 * byte for byte. A font that is not CID-keyed, or that does not parse, is returned unchanged.
 *
 * <p>Limit: OpenPDF marks an unused glyph by a bare {@code endchar}; a used glyph that is exactly that (no outline
 * and the font dict's default width) is dropped as well and drawn as .notdef. Noto's space has its own width, so
 * it stays (CffCompactorTest compares the pixels of both files).
 */
final class CffCompactor {

    private static final int OP_CHARSET = 15;
    private static final int OP_CHARSTRINGS = 17;
    private static final int OP_PRIVATE = 18;
    private static final int OP_SUBRS = 19;
    private static final int OP_ROS = 1230;
    private static final int OP_FDARRAY = 1236;
    private static final int OP_FDSELECT = 1237;
    private static final int ENDCHAR = 14;

    private CffCompactor() {}

    static byte[] compact(byte[] cff) {
        try {
            return new Parsed(cff).write();
        } catch (RuntimeException unexpected) {
            return cff; // a layout this does not know: the larger file is still a correct one
        }
    }

    private record Index(List<byte[]> items, int start, int end) {}

    private record Entry(int op, byte[] operands, List<Integer> ints) {}

    private static final class Parsed {
        final byte[] b;
        final int headerSize;
        final Index names;
        final List<Entry> top;
        final Index strings;
        final Index globalSubrs;
        final List<byte[]> charStrings;
        final int[] cidOf;
        final int[] fdOf;
        final List<List<Entry>> fontDicts = new ArrayList<>();
        final List<List<Entry>> privates = new ArrayList<>();
        final List<byte[]> localSubrs = new ArrayList<>();

        Parsed(byte[] b) {
            this.b = b;
            headerSize = b[2] & 0xff;
            names = readIndex(headerSize);
            Index tops = readIndex(names.end());
            top = dict(tops.items().getFirst());
            strings = readIndex(tops.end());
            globalSubrs = readIndex(strings.end());
            if (find(top, OP_ROS) == null) {
                throw new IllegalArgumentException("not CID-keyed");
            }
            charStrings = readIndex(find(top, OP_CHARSTRINGS).ints().getFirst()).items();
            cidOf = charset(find(top, OP_CHARSET).ints().getFirst(), charStrings.size());
            fdOf = fdSelect(find(top, OP_FDSELECT).ints().getFirst(), charStrings.size());
            for (byte[] fd : readIndex(find(top, OP_FDARRAY).ints().getFirst()).items()) {
                List<Entry> fontDict = dict(fd);
                fontDicts.add(fontDict);
                Entry priv = find(fontDict, OP_PRIVATE);
                if (priv == null) { // OpenPDF's stand-in for a font dict the subset does not use
                    privates.add(null);
                    localSubrs.add(null);
                    continue;
                }
                int size = priv.ints().get(0);
                int offset = priv.ints().get(1);
                List<Entry> p = dict(java.util.Arrays.copyOfRange(b, offset, offset + size));
                Entry subrs = find(p, OP_SUBRS);
                if (subrs != null) {
                    Index s = readIndex(offset + subrs.ints().getFirst());
                    localSubrs.add(java.util.Arrays.copyOfRange(b, s.start(), s.end()));
                } else {
                    localSubrs.add(null);
                }
                privates.add(p);
            }
        }

        byte[] write() {
            List<Integer> kept = new ArrayList<>(List.of(0));
            for (int gid = 1; gid < charStrings.size(); gid++) {
                byte[] cs = charStrings.get(gid);
                if (!(cs.length == 1 && cs[0] == ENDCHAR)) {
                    kept.add(gid);
                }
            }
            Set<Integer> usedFds = new TreeSet<>();
            kept.forEach(gid -> usedFds.add(fdOf[gid]));

            ByteArrayOutputStream charset = new ByteArrayOutputStream();
            charset.write(0);
            kept.stream().skip(1).forEach(gid -> putU16(charset, cidOf[gid]));
            ByteArrayOutputStream fdSelect = new ByteArrayOutputStream();
            fdSelect.write(0);
            kept.forEach(gid -> fdSelect.write(fdOf[gid]));
            byte[] charStringsIndex = writeIndex(kept.stream().map(charStrings::get).toList());

            byte[] headNames = java.util.Arrays.copyOfRange(b, 0, names.end());
            byte[] rest = java.util.Arrays.copyOfRange(b, strings.start(), globalSubrs.end());
            // Offsets are written as 5-byte integers, so each dict's size is known before the offsets are.
            int topSize = writeIndex(List.of(encode(top, Map.of(OP_CHARSET, new int[] {0}, OP_FDSELECT, new int[] {0},
                    OP_CHARSTRINGS, new int[] {0}, OP_FDARRAY, new int[] {0})))).length;
            int charsetAt = headNames.length + topSize + rest.length;
            int fdSelectAt = charsetAt + charset.size();
            int charStringsAt = fdSelectAt + fdSelect.size();
            int fdArrayAt = charStringsAt + charStringsIndex.length;

            List<byte[]> privateBlocks = new ArrayList<>();
            for (int fd = 0; fd < privates.size(); fd++) {
                if (privates.get(fd) == null) {
                    privateBlocks.add(new byte[0]);
                    continue;
                }
                byte[] subrs = usedFds.contains(fd) ? localSubrs.get(fd) : null;
                List<Entry> p = privates.get(fd).stream().filter(e -> e.op() != OP_SUBRS).toList();
                if (subrs != null) {
                    List<Entry> withSubrs = new ArrayList<>(p);
                    withSubrs.add(new Entry(OP_SUBRS, new byte[0], List.of(0)));
                    int size = encode(withSubrs, Map.of(OP_SUBRS, new int[] {0})).length;
                    byte[] dict = encode(withSubrs, Map.of(OP_SUBRS, new int[] {size}));
                    privateBlocks.add(concat(dict, subrs));
                } else {
                    privateBlocks.add(encode(p, Map.of()));
                }
            }
            int fdArraySize = writeIndex(fontDicts.stream().map(fd -> encode(fd, Map.of(OP_PRIVATE, new int[] {0, 0})))
                    .toList()).length;
            List<byte[]> fds = new ArrayList<>();
            int at = fdArrayAt + fdArraySize;
            Map<Integer, int[]> privateOf = new HashMap<>();
            for (int fd = 0; fd < fontDicts.size(); fd++) {
                int dictSize = privateDictSize(privateBlocks.get(fd), fd, usedFds);
                privateOf.put(fd, new int[] {dictSize, at});
                fds.add(encode(fontDicts.get(fd), Map.of(OP_PRIVATE, privateOf.get(fd))));
                at += privateBlocks.get(fd).length;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(headNames);
            out.writeBytes(writeIndex(List.of(encode(top, Map.of(OP_CHARSET, new int[] {charsetAt}, OP_FDSELECT,
                    new int[] {fdSelectAt}, OP_CHARSTRINGS, new int[] {charStringsAt}, OP_FDARRAY,
                    new int[] {fdArrayAt})))));
            out.writeBytes(rest);
            out.writeBytes(charset.toByteArray());
            out.writeBytes(fdSelect.toByteArray());
            out.writeBytes(charStringsIndex);
            out.writeBytes(writeIndex(fds));
            privateBlocks.forEach(out::writeBytes);
            return out.toByteArray();
        }

        /** The private dict's own size: its block less the local subroutines that follow it. */
        private int privateDictSize(byte[] block, int fd, Set<Integer> usedFds) {
            byte[] subrs = usedFds.contains(fd) ? localSubrs.get(fd) : null;
            return block.length - (subrs == null ? 0 : subrs.length);
        }

        private int[] charset(int offset, int glyphs) {
            int[] cid = new int[glyphs];
            int format = b[offset] & 0xff;
            int p = offset + 1;
            int gid = 1;
            while (gid < glyphs) {
                switch (format) {
                    case 0 -> {
                        cid[gid++] = u16(p);
                        p += 2;
                    }
                    case 1, 2 -> {
                        int first = u16(p);
                        int left = format == 1 ? b[p + 2] & 0xff : u16(p + 2);
                        p += format == 1 ? 3 : 4;
                        for (int i = 0; i <= left && gid < glyphs; i++) {
                            cid[gid++] = first + i;
                        }
                    }
                    default -> throw new IllegalArgumentException("charset format " + format);
                }
            }
            return cid;
        }

        private int[] fdSelect(int offset, int glyphs) {
            int[] fd = new int[glyphs];
            int format = b[offset] & 0xff;
            if (format == 0) {
                for (int g = 0; g < glyphs; g++) {
                    fd[g] = b[offset + 1 + g] & 0xff;
                }
                return fd;
            }
            if (format != 3) {
                throw new IllegalArgumentException("FDSelect format " + format);
            }
            int ranges = u16(offset + 1);
            for (int r = 0; r < ranges; r++) {
                int p = offset + 3 + r * 3;
                int first = u16(p);
                int next = u16(p + 3);
                for (int g = first; g < Math.min(next, glyphs); g++) {
                    fd[g] = b[p + 2] & 0xff;
                }
            }
            return fd;
        }

        private Index readIndex(int at) {
            int count = u16(at);
            if (count == 0) {
                return new Index(List.of(), at, at + 2);
            }
            int offSize = b[at + 2] & 0xff;
            int dataStart = at + 3 + (count + 1) * offSize - 1;
            List<byte[]> items = new ArrayList<>(count);
            int previous = offset(at + 3, offSize);
            for (int i = 1; i <= count; i++) {
                int next = offset(at + 3 + i * offSize, offSize);
                items.add(java.util.Arrays.copyOfRange(b, dataStart + previous, dataStart + next));
                previous = next;
            }
            return new Index(items, at, dataStart + previous);
        }

        private int offset(int at, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) {
                v = (v << 8) | (b[at + i] & 0xff);
            }
            return v;
        }

        private int u16(int at) {
            return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
        }
    }

    private static Entry find(List<Entry> dict, int op) {
        return dict.stream().filter(e -> e.op() == op).findFirst().orElse(null);
    }

    /** A DICT as operators with their raw operand bytes (reals stay exact) and integer values. */
    static List<Entry> dict(byte[] d) {
        List<Entry> entries = new ArrayList<>();
        List<Integer> ints = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < d.length) {
            int v = d[i] & 0xff;
            if (v <= 21) {
                int op = v == 12 ? 1200 + (d[i + 1] & 0xff) : v;
                entries.add(new Entry(op, java.util.Arrays.copyOfRange(d, start, i), List.copyOf(ints)));
                i += v == 12 ? 2 : 1;
                start = i;
                ints.clear();
            } else if (v == 28) {
                ints.add((int) (short) (((d[i + 1] & 0xff) << 8) | (d[i + 2] & 0xff)));
                i += 3;
            } else if (v == 29) {
                ints.add(((d[i + 1] & 0xff) << 24) | ((d[i + 2] & 0xff) << 16) | ((d[i + 3] & 0xff) << 8)
                        | (d[i + 4] & 0xff));
                i += 5;
            } else if (v == 30) {
                i++;
                while ((d[i] & 0x0f) != 0x0f && (d[i] & 0xf0) != 0xf0) {
                    i++;
                }
                i++;
                ints.add(0);
            } else if (v >= 32 && v <= 246) {
                ints.add(v - 139);
                i++;
            } else if (v >= 247 && v <= 250) {
                ints.add((v - 247) * 256 + (d[i + 1] & 0xff) + 108);
                i += 2;
            } else if (v >= 251 && v <= 254) {
                ints.add(-(v - 251) * 256 - (d[i + 1] & 0xff) - 108);
                i += 2;
            } else {
                throw new IllegalArgumentException("DICT byte " + v);
            }
        }
        return entries;
    }

    /** The dict with the operands of {@code replace}'s operators written as 5-byte integers. */
    static byte[] encode(List<Entry> dict, Map<Integer, int[]> replace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : dict) {
            int[] values = replace.get(e.op());
            if (values == null) {
                out.writeBytes(e.operands());
            } else {
                for (int v : values) {
                    out.write(29);
                    out.write(v >>> 24);
                    out.write(v >>> 16);
                    out.write(v >>> 8);
                    out.write(v);
                }
            }
            if (e.op() >= 1200) {
                out.write(12);
                out.write(e.op() - 1200);
            } else {
                out.write(e.op());
            }
        }
        return out.toByteArray();
    }

    static byte[] writeIndex(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putU16(out, items.size());
        if (items.isEmpty()) {
            return out.toByteArray();
        }
        int total = items.stream().mapToInt(x -> x.length).sum() + 1;
        int offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
        out.write(offSize);
        int offset = 1;
        writeOffset(out, offset, offSize);
        for (byte[] item : items) {
            offset += item.length;
            writeOffset(out, offset, offSize);
        }
        items.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static void writeOffset(ByteArrayOutputStream out, int v, int size) {
        for (int i = size - 1; i >= 0; i--) {
            out.write(v >>> (8 * i));
        }
    }

    private static void putU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static byte[] concat(byte[] a, byte[] c) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }
}
