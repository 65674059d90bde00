package dev.beacon.edge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Everything the in-process server logs at INFO or above while it is open (java.util.logging, where Grizzly, Jersey
 * and Beacon's System.Logger write), so a test can assert that an attack left the log quiet.
 */
final class QuietLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private QuietLog() {
        setLevel(Level.INFO);
        root.addHandler(this);
    }

    static QuietLog start() {
        return new QuietLog();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** At most {@code lines} records, none with a stack trace. */
    void assertAtMost(int lines) {
        if (records.size() > lines || records.stream().anyMatch(record -> record.getThrown() != null)) {
            StringBuilder logged = new StringBuilder();
            records.forEach(record -> logged.append('\n').append(record.getLevel()).append(' ')
                    .append(record.getLoggerName()).append(": ").append(record.getMessage())
                    .append(record.getThrown() == null ? "" : " [" + record.getThrown() + "]"));
            fail("Expected at most " + lines + " log line(s) and no stack trace, got " + records.size() + ":"
                    + logged);
        }
    }

    void assertQuiet() {
        assertAtMost(0);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
