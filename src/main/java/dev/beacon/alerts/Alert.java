package dev.beacon.alerts;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One crime alert, as the {@code crime_alert} event's data.
 *
 * @param crimeId   unique per alert
 * @param location  the district
 * @param severity  {@code low}, {@code medium} or {@code high}
 * @param timestamp when it was raised, ISO-8601 in UTC
 */
public record Alert(@JsonbProperty("crime_id") String crimeId, String location, String severity, String timestamp) {

    public static final String TOPIC = "alerts";
    public static final String EVENT = "crime_alert";
}
