package io.reelfm.trainer.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.schemas.AvroSerde;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;

/**
 * Saves and restores a {@link TrainingState} to a local file, so a restarted trainer resumes
 * from the offsets it checkpointed instead of re-reading the topics from the beginning. The file
 * is written with {@link AtomicFile}, so a crash mid-write leaves the
 * previous checkpoint intact. Without a checkpoint the trainer rebuilds from the topics.
 */
public final class StateCheckpoint {

    private static final int MAGIC = 0x52464d54;
    private static final int FORMAT = 2;
    private static final AvroSerde<Movie> MOVIES = new AvroSerde<>(Movie.class);
    private static final AvroSerde<UserProfile> PROFILES = new AvroSerde<>(UserProfile.class);

    private final Path file;

    public StateCheckpoint(Path directory) {
        this.file = directory.resolve("training-state.bin");
    }

    public Path file() {
        return file;
    }

    public void save(TrainingState state) {
        AtomicFile.write(file, "trainer checkpoint", os -> {
            DataOutputStream out = new DataOutputStream(os);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(state.offsets().size());
            for (var e : state.offsets().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeLong(state.accepted());
            out.writeLong(state.duplicates());
            out.writeLong(state.stale());
            IdIndexCodec.write(state.users(), out);
            IdIndexCodec.write(state.items(), out);
            state.ratings().write(out);
            state.seen().write(out);
            out.writeInt(state.profiles().size());
            for (var e : state.profiles().entrySet()) {
                out.writeUTF(e.getKey());
                byte[] bytes = PROFILES.encode(e.getValue());
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.writeInt(state.movies().size());
            for (var e : state.movies().entrySet()) {
                out.writeUTF(e.getKey());
                byte[] bytes = MOVIES.encode(e.getValue());
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
        });
    }

    /** The saved state, or empty when there is no checkpoint yet. */
    public Optional<TrainingState> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a trainer checkpoint of format " + FORMAT);
            }
            int n = in.readInt();
            Map<String, Long> offsets = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                offsets.put(in.readUTF(), in.readLong());
            }
            long accepted = in.readLong();
            long duplicates = in.readLong();
            long stale = in.readLong();
            IdIndex users = IdIndexCodec.read(in);
            IdIndex items = IdIndexCodec.read(in);
            RatingStore ratings = RatingStore.read(in);
            EventIdFilter seen = EventIdFilter.read(in);
            Map<String, UserProfile> profiles = new HashMap<>();
            int p = in.readInt();
            for (int i = 0; i < p; i++) {
                String id = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                profiles.put(id, PROFILES.decode(bytes));
            }
            Map<String, Movie> movies = new HashMap<>();
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                String id = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                movies.put(id, MOVIES.decode(bytes));
            }
            return Optional.of(new TrainingState(ratings, users, items, movies, profiles, seen, offsets,
                    accepted, duplicates, stale));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read trainer checkpoint " + file
                    + " (delete it to rebuild from the topics)", e);
        }
    }
}
