package dev.beacon.testing;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    /** The status, as {@code application/problem+json} whose {@code detail} mentions {@code detailPart} (if given). */
    public static void assertProblem(int status, HttpResponse<String> response, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        JsonObject problem = Http.json(response.body());
        assertEquals(status, problem.getInt("status"));
        if (detailPart != null) {
            String detail = problem.getString("detail", "");
            assertTrue(detail.contains(detailPart), "detail '" + detail + "' should mention '" + detailPart + "'");
        }
    }
}
