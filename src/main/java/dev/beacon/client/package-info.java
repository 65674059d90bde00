/**
 * Beacon's Java client: nothing but the JDK ({@code java.net.http}, HTTP/1.1 and HTTP/2), in
 * {@code target/beacon-client.jar}, not in the WAR.
 *
 * <pre>{@code
 * BeaconClient beacon = BeaconClient.builder(URI.create("http://127.0.0.1:8080")).token(tokens::current).build();
 * BeaconSubscription news = beacon.stream("news", "prices")
 *         .from(store.lastEventId())                           // resume where the last run stopped
 *         .subscribe(new BeaconListener() {
 *             public void onEvent(BeaconEvent e) { handle(e.topic(), e.event(), e.data()); store.save(e.id()); }
 *             public void onGap(BeaconGap gap) { resync(gap.reason()); }
 *         });
 * String id = beacon.publish("news", OutgoingEvent.json("greeting", "{\"text\":\"hello\"}"));
 * }</pre>
 *
 * A subscription reconnects by itself after any failure, with exponential backoff and jitter that honour the
 * server's {@code retry:}, and sends {@code Last-Event-ID} every time, so no event is lost or repeated; a stream
 * silent for longer than the idle timeout is taken for dead and reconnected. 401, 403 and 404 end it at once with a
 * {@link dev.beacon.client.BeaconException} carrying the server's explanation. {@code beacon-gap} events (a resume
 * from a position the hub no longer holds) arrive at {@link dev.beacon.client.BeaconListener#onGap}.
 */
package dev.beacon.client;
