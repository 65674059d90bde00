package dev.beacon.store.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts that make each change of the log one step in Redis, so no node ever sees half of one. A script
 * runs by its SHA-1; Redis forgets scripts when it restarts, and then the script's text is sent once more.
 */
enum Scripts {

    /**
     * Creates the log if it is not there: its floor is Redis' clock in microseconds, and ids are given out above it.
     * Answers the floor and the last id. KEYS: floor, id.
     */
    CREATE("""
            local time = redis.call('TIME')
            local now = string.format('%d', tonumber(time[1]) * 1000000 + tonumber(time[2]))
            redis.call('SET', KEYS[1], now, 'NX')
            local floor = redis.call('GET', KEYS[1])
            redis.call('SET', KEYS[2], floor, 'NX')
            return {floor, redis.call('GET', KEYS[2])}
            """),

    /**
     * Appends one event and answers its id. The id is Redis' clock in microseconds, or one more than the last id when
     * that is higher (more than one event in a microsecond, or a clock set back): strictly increasing across topics
     * and nodes, near the time of the publish, so trimming by MINID is trimming by age, and after a failover that
     * lost the last ids the new ones still lie above them. Then the entry goes to its topic's stream (trimmed to the
     * history size and age) and to the stream of all events (with the topic and a sequence number), which every node
     * follows. KEYS: id, floor, sequence, topic stream, all, topics, published, trimmed. ARGV: topic, timestamp (ms),
     * data, event name or '', retry or '', size per topic, age in microseconds, length the stream of all keeps at
     * least.
     */
    APPEND(Scripts.TRIM + """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            if redis.call('SET', KEYS[2], string.format('%d', now - 1), 'NX') then
              redis.call('SET', KEYS[1], string.format('%d', now - 1), 'NX')
            end
            local id = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') + 1, now)
            local entry = string.format('%d', id) .. '-0'
            redis.call('SET', KEYS[1], string.format('%d', id))
            local fields = {'t', ARGV[2], 'd', ARGV[3]}
            if ARGV[4] ~= '' then
              fields[#fields + 1] = 'n'
              fields[#fields + 1] = ARGV[4]
            end
            if ARGV[5] ~= '' then
              fields[#fields + 1] = 'r'
              fields[#fields + 1] = ARGV[5]
            end
            redis.call('XADD', KEYS[4], entry, unpack(fields))
            trim(KEYS[4], ARGV[1], tonumber(ARGV[6]), string.format('%d', now - tonumber(ARGV[7])) .. '-0', KEYS[8])
            local sequence = redis.call('INCR', KEYS[3])
            redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[8], entry, 'k', ARGV[1], 's', sequence, unpack(fields))
            redis.call('SADD', KEYS[6], ARGV[1])
            redis.call('HINCRBY', KEYS[7], ARGV[1], 1)
            return string.format('%d', id)
            """),

    /**
     * Drops what is older than the age from the given topics and from the stream of all events. KEYS: trimmed, all,
     * then each topic's stream. ARGV: age in microseconds, then each topic's name.
     */
    EXPIRE(Scripts.TRIM + """
            local time = redis.call('TIME')
            local cutoff = string.format('%d', tonumber(time[1]) * 1000000 + tonumber(time[2]) - tonumber(ARGV[1]))
                .. '-0'
            redis.call('XTRIM', KEYS[2], 'MINID', cutoff)
            for i = 3, #KEYS do
              trim(KEYS[i], ARGV[i - 1], math.huge, cutoff, KEYS[1])
            end
            return 0
            """);

    /**
     * Trims a topic's stream to {@code size} entries and drops those below the {@code cutoff} id, and records the
     * highest id it dropped in the hash of trimmed ids: what tells a resume from before it that it missed events.
     * (Redis' own {@code max-deleted-entry-id} counts XDEL only, not trimming.)
     */
    private static final String TRIM = """
            local function trim(key, topic, size, cutoff, trimmed)
              local dropped = nil
              local length = redis.call('XLEN', key)
              if length > size then
                local over = redis.call('XRANGE', key, '-', '+', 'COUNT', length - size)
                dropped = over[#over][1]
                redis.call('XTRIM', key, 'MAXLEN', size)
              end
              local old = redis.call('XREVRANGE', key, '(' .. cutoff, '-', 'COUNT', 1)
              if #old > 0 then
                dropped = old[1][1]
                redis.call('XTRIM', key, 'MINID', cutoff)
              end
              if dropped then
                redis.call('HSET', trimmed, topic, dropped)
              end
            end
            """;

    private final String text;
    private final String sha;

    Scripts(String text) {
        this.text = text;
        this.sha = sha1(text);
    }

    Object run(Jedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(text, keys, args); // Redis restarted since: EVAL runs it and caches it again
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
