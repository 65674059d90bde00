package dev.beacon.progress;

import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Publisher;
import dev.beacon.hub.StoreUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's status read back from its topic, for the jobs a durable store remembers across a restart: {@code started}
 * says what it is and when it began, the last {@code progress} how far it got, the end event how it ended. A job whose
 * topic has no end event was running when the process stopped; it gets its {@code failed} end event now.
 */
final class JobHistory {

    static final String STOPPED = "Beacon stopped while the job was running";
    /** More than any job's topic holds: started, at most 101 progress events, the end. */
    private static final int MOST_EVENTS = 1_000;
    private static final System.Logger LOG = System.getLogger(JobHistory.class.getName());

    private final Hub hub;
    private final Publisher publisher;

    JobHistory(Hub hub, Publisher publisher) {
        this.hub = hub;
        this.publisher = publisher;
    }

    /** Every job the history holds, ended (those that were running end as failed here); oldest end first. */
    List<Job> recover() {
        List<Job> jobs = new ArrayList<>();
        for (String topic : hub.retainedTopics(Job.TOPIC_PREFIX)) {
            List<HubEvent> events = hub.events(topic, hub.floor(), MOST_EVENTS);
            if (!events.isEmpty()) {
                jobs.add(restore(topic.substring(Job.TOPIC_PREFIX.length()), events));
            }
        }
        jobs.sort(Comparator.comparingLong(Job::endEventId));
        return jobs;
    }

    /**
     * The job as its topic tells it now, without taking it over: how a node that shares the store with the job's own
     * node shows its status and streams its events. A job with no end event yet is running there; nothing is
     * published here.
     */
    Optional<Job> view(String id) {
        List<HubEvent> events = hub.events(Job.TOPIC_PREFIX + id, hub.floor(), MOST_EVENTS);
        if (events.isEmpty() || !JobStarted.EVENT.equals(events.get(0).name())) {
            return Optional.empty();
        }
        return Optional.of(restore(id, events, false));
    }

    private Job restore(String id, List<HubEvent> events) {
        return restore(id, events, true);
    }

    /** @param takeOver true when this process now owns the job: an unfinished one then ends as failed */
    private Job restore(String id, List<HubEvent> events, boolean takeOver) {
        HubEvent first = events.get(0);
        JsonObject started = JobStarted.EVENT.equals(first.name()) ? json(first) : JsonValue.EMPTY_JSON_OBJECT;
        Instant created = instant(text(started, "created"), first.timestamp());
        HubEvent end = null;
        double percent = 0;
        for (HubEvent event : events) {
            if (Job.PROGRESS.equals(event.name())) {
                percent = number(json(event), "progress_percent", percent);
            } else if (JobState.isEndEvent(event.name())) {
                end = event;
            }
        }
        JsonObject ending = end == null ? JsonValue.EMPTY_JSON_OBJECT : json(end);
        Job job = Job.restored(id, text(started, "kind") == null ? "unknown" : text(started, "kind"),
                first.id() - 1, created, number(ending, "progress_percent", percent), publisher);
        if (end != null) {
            job.ended(JobState.valueOf(end.name().toUpperCase(Locale.ROOT)), Instant.ofEpochMilli(end.timestamp()),
                    text(ending, "message"), end.id());
        } else if (takeOver) {
            fail(job);
        }
        return job;
    }

    private static void fail(Job job) {
        try {
            job.end(JobState.FAILED, null, STOPPED);
            LOG.log(Level.INFO, "Job {0} ({1}) was running when Beacon stopped: it ended as failed", job.id, job.kind);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Job {0} was running when Beacon stopped, and its end could not be stored now"
                    + " ({1}); it shows as running until the next start", job.id, e.getMessage());
        }
    }

    private static JsonObject json(HubEvent event) {
        try (JsonReader reader = Json.createReader(new StringReader(event.data()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT; // a job's own progress data need not be JSON
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }

    private static double number(JsonObject object, String name, double fallback) {
        return object.get(name) instanceof JsonNumber number ? number.doubleValue() : fallback;
    }

    private static Instant instant(String text, long fallbackMillis) {
        try {
            return text == null ? Instant.ofEpochMilli(fallbackMillis) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(fallbackMillis);
        }
    }
}
