package dev.beacon.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How {@code jobs follow} shows progress: a live bar (progressbar) when standard output is a terminal, plain lines
 * ({@code job ID: 40% epoch 4/10 loss 0.3512}) when it goes to a file or a pipe, where a redrawn bar would be noise.
 */
interface ProgressView extends AutoCloseable {

    void progress(double percent, String summary);

    /** The job ended: its outcome line follows the bar or the lines. */
    void end(String outcome);

    @Override
    void close();

    static ProgressView forOutput(String jobId, PrintWriter out) {
        // System.console() is non-null only when standard input and output are both terminals (JDK 17 to 21).
        return System.console() != null ? new Bar(jobId, out) : new Lines(jobId, out);
    }

    /** One line per progress event. */
    final class Lines implements ProgressView {
        private final String jobId;
        private final PrintWriter out;

        Lines(String jobId, PrintWriter out) {
            this.jobId = jobId;
            this.out = out;
        }

        @Override
        public void progress(double percent, String summary) {
            out.printf(Locale.ROOT, "job %s: %.0f%% %s%n", jobId, percent, summary);
            out.flush();
        }

        @Override
        public void end(String outcome) {
            out.println("job " + jobId + " " + outcome);
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** A bar redrawn in place; Unicode blocks where the locale is UTF-8, ASCII elsewhere. */
    final class Bar implements ProgressView {
        private final ProgressBar bar;
        private final String jobId;
        private final PrintWriter out;
        private boolean closed;

        Bar(String jobId, PrintWriter out) {
            this.jobId = jobId;
            this.out = out;
            PrintStream terminal = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            this.bar = new ProgressBarBuilder()
                    .setTaskName("job " + (jobId.length() > 8 ? jobId.substring(0, 8) : jobId))
                    .setInitialMax(100)
                    .setUnit("%", 1)
                    .setStyle(utf8Locale() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }

        private static boolean utf8Locale() {
            for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
                String value = System.getenv(name);
                if (value != null && !value.isEmpty()) {
                    return value.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
                }
            }
            return false;
        }

        @Override
        public void progress(double percent, String summary) {
            bar.stepTo(Math.round(percent));
            bar.setExtraMessage(summary);
        }

        @Override
        public void end(String outcome) {
            close();
            out.println("job " + jobId + " " + outcome);
            out.flush();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }
}
