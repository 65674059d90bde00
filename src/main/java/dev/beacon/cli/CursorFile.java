package dev.beacon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code tail --cursor-file}: the last event id, written after each event is printed (to a temporary file, then
 * moved over the old one, so a kill never leaves half an id), and read when {@code tail} starts again.
 */
final class CursorFile {

    private final Path file;
    private final Path next;

    CursorFile(Path file) {
        this.file = file.toAbsolutePath();
        this.next = this.file.resolveSibling(this.file.getFileName() + ".next");
    }

    /** The stored id, or null when the file does not exist yet or is empty. */
    String read() {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? null : id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the cursor file " + file, e);
        }
    }

    void write(String id) {
        try {
            Files.writeString(next, id + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the cursor file " + file, e);
        }
    }
}
