package io.reelfm.serving.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-history format written and read through data streams, as {@link UserHistory}'s codec
 * was first written: the reference its bytes are checked against and the baseline it is timed against.
 */
public final class DataStreamHistoryFormat {

    private DataStreamHistoryFormat() {
    }

    public static byte[] encode(UserHistory h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + h.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(h.size());
            for (UserHistory.Entry e : h.entries()) {
                out.writeUTF(e.itemId());
                out.writeFloat(e.rating());
                out.writeLong(e.timestamp());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static UserHistory decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte();
            int n = in.readInt();
            List<UserHistory.Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new UserHistory.Entry(in.readUTF(), in.readFloat(), in.readLong()));
            }
            return UserHistory.of(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
