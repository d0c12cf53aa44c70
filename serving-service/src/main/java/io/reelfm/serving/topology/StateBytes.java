package io.reelfm.serving.topology;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads and writes serving's state values straight on one array, in the layout {@link DataOutput}
 * gives them (big-endian numbers, strings in modified UTF-8 after two bytes of length), so values
 * written through data streams before still read. Stream-thread code encodes and decodes such a
 * value for every rating, and going through data streams cost about three times as much
 * (docs/benchmarks.md, "User history codec").
 */
final class StateBytes {

    private StateBytes() {
    }

    /** Bytes {@code s} takes written: two of length and its modified UTF-8, as {@link DataOutput#writeUTF} counts them. */
    static int utfSize(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        if (length > 65535) {
            throw new SerializationException("string of " + length + " bytes is too long to store");
        }
        return 2 + length;
    }

    /** Writes into an array of a size counted beforehand. */
    static final class Writer {

        private final byte[] out;
        private int p;

        Writer(int size) {
            this.out = new byte[size];
        }

        Writer writeByte(int v) {
            out[p++] = (byte) v;
            return this;
        }

        Writer writeInt(int v) {
            out[p] = (byte) (v >>> 24);
            out[p + 1] = (byte) (v >>> 16);
            out[p + 2] = (byte) (v >>> 8);
            out[p + 3] = (byte) v;
            p += 4;
            return this;
        }

        Writer writeLong(long v) {
            return writeInt((int) (v >>> 32)).writeInt((int) v);
        }

        Writer writeFloat(float v) {
            return writeInt(Float.floatToIntBits(v));
        }

        Writer writeDouble(double v) {
            return writeLong(Double.doubleToLongBits(v));
        }

        Writer writeUtf(String s) {
            int length = utfSize(s) - 2;
            out[p++] = (byte) (length >>> 8);
            out[p++] = (byte) length;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 0 && c < 0x80) {
                    out[p++] = (byte) c;
                } else if (c < 0x800) {
                    out[p++] = (byte) (0xc0 | (c >> 6));
                    out[p++] = (byte) (0x80 | (c & 0x3f));
                } else {
                    out[p++] = (byte) (0xe0 | (c >> 12));
                    out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    out[p++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            return this;
        }

        /** The array, which must be exactly full. */
        byte[] bytes() {
            if (p != out.length) {
                throw new IllegalStateException("wrote " + p + " of " + out.length + " counted bytes");
            }
            return out;
        }
    }

    /** Reads from an array; running past its end is a {@link SerializationException} naming {@code what}. */
    static final class Reader {

        private final byte[] in;
        private final String what;
        private int p;

        Reader(byte[] in, int position, String what) {
            this.in = in;
            this.p = position;
            this.what = what;
        }

        int position() {
            return p;
        }

        private void need(long n) {
            if (n > in.length - p) {
                throw new SerializationException("truncated " + what + ": " + n + " more bytes needed at " + p + " of " + in.length);
            }
        }

        byte readByte() {
            need(1);
            return in[p++];
        }

        int readUnsignedShort() {
            need(2);
            int v = ((in[p] & 0xff) << 8) | (in[p + 1] & 0xff);
            p += 2;
            return v;
        }

        int readInt() {
            need(4);
            int v = ((in[p] & 0xff) << 24) | ((in[p + 1] & 0xff) << 16) | ((in[p + 2] & 0xff) << 8) | (in[p + 3] & 0xff);
            p += 4;
            return v;
        }

        long readLong() {
            long high = readInt();
            return (high << 32) | (readInt() & 0xffffffffL);
        }

        float readFloat() {
            return Float.intBitsToFloat(readInt());
        }

        double readDouble() {
            return Double.longBitsToDouble(readLong());
        }

        void skip(long n) {
            need(n);
            p += (int) n;
        }

        /** A string as {@link DataOutput#writeUTF} wrote it. */
        String readUtf() {
            int start = p;
            int length = readUnsignedShort();
            need(length);
            p += length;
            for (int i = start + 2; i < p; i++) {
                if (in[i] <= 0) {
                    // Beyond ASCII (or an encoded NUL): the streams' decoder knows every case.
                    try {
                        DataInput data = new DataInputStream(new ByteArrayInputStream(in, start, 2 + length));
                        return data.readUTF();
                    } catch (IOException e) {
                        throw new SerializationException("corrupt string in " + what + ": " + e.getMessage(), e);
                    }
                }
            }
            return new String(in, start + 2, length, StandardCharsets.ISO_8859_1);
        }
    }
}
