package dev.beacon.alerts;

import dev.beacon.hub.HubEvent;
import dev.beacon.problem.ProblemException;
import dev.beacon.stream.TopicFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ?severity=high} (or {@code high,medium}) on {@code /api/streams/alerts}: only alerts of those severities.
 * Other events of the topic pass; an alert whose data is not an alert (a detector's malformed publish) does not.
 */
@ApplicationScoped
public class SeverityFilter implements TopicFilter {

    @Override
    public String topic() {
        return Alert.TOPIC;
    }

    @Override
    public String parameter() {
        return "severity";
    }

    @Override
    public Predicate<HubEvent> parse(String value) {
        Set<Severity> wanted = EnumSet.noneOf(Severity.class);
        for (String part : value.split(",", -1)) {
            wanted.add(Severity.of(part.trim()).orElseThrow(() -> ProblemException.badRequest(
                    "Unknown severity '" + part + "': use " + Arrays.stream(Severity.values()).map(Severity::wire)
                            .toList() + ", one or several separated by commas")));
        }
        return event -> !Alert.EVENT.equals(event.name()) || severityOf(event.data()).filter(wanted::contains)
                .isPresent();
    }

    private static Optional<Severity> severityOf(String data) {
        try (JsonReader reader = Json.createReader(new StringReader(data))) {
            JsonObject alert = reader.readObject();
            return Severity.of(alert.getString("severity", ""));
        } catch (JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
