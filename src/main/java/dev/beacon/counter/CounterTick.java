package dev.beacon.counter;

/**
 * The data of one counter event.
 *
 * @param value from 0 to count - 1; also the event's id
 * @param count how many events the stream sends
 */
public record CounterTick(int value, int count) {
}
