package io.reelfm.trainer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import io.reelfm.core.eval.IdIndex;

/** The checkpoint's form of an id index: the ids in index order, so reading restores every index. */
final class IdIndexCodec {

    private IdIndexCodec() {
    }

    static void write(IdIndex index, DataOutput out) throws IOException {
        out.writeInt(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.writeUTF(index.id(i));
        }
    }

    static IdIndex read(DataInput in) throws IOException {
        IdIndex index = new IdIndex();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            index.indexOf(in.readUTF());
        }
        return index;
    }
}
