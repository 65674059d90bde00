package dev.beacon.cli;

import dev.beacon.client.BeaconException;

/**
 * The tool's exit statuses, and what it tells the user for each failure. 0, 1 and 2 are a followed job's outcome
 * (complete, failed, cancelled), so a script can branch on it; the others say what stopped the command.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int JOB_CANCELLED = 2;
    static final int USAGE = 3;
    static final int UNREACHABLE = 4;
    static final int NOT_ALLOWED = 5;
    static final int NOT_FOUND = 6;
    static final int REFUSED = 7;

    private ExitCodes() {
    }

    static int of(BeaconException failure) {
        return switch (failure.status()) {
            case BeaconException.NO_RESPONSE -> UNREACHABLE;
            case 401, 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            default -> REFUSED;
        };
    }

    /** One or two lines: what happened, and what to do about it. */
    static String explain(BeaconException failure, String url) {
        String detail = failure.detail() == null ? "" : ": " + failure.detail();
        return switch (failure.status()) {
            case BeaconException.NO_RESPONSE -> "beacon: cannot reach Beacon at " + url + detail
                    + "\n  Is it running? Check --url (on an app server it ends in /beacon).";
            case 401 -> "beacon: not authorised (401)" + detail
                    + "\n  Give the server's publish token with --token or the BEACON_TOKEN environment variable.";
            case 403 -> "beacon: forbidden (403)" + detail
                    + "\n  The server refuses this for any token: HTTP publishing is off until the server sets"
                    + " beacon.publish.token.";
            case 404 -> "beacon: not found (404)" + detail
                    + "\n  Check the job id or topic; on an app server --url ends in /beacon.";
            default -> "beacon: refused (" + failure.status() + ")" + detail;
        };
    }
}
