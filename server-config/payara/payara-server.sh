#!/bin/sh
# Payara Server 6: the settings of pre-boot-commands.asadmin for a domain (default domain1, instance server), then
# Beacon's keys and the deployment. Run with the domain started; restart it afterwards. ASADMIN=path/to/asadmin.
set -eu
asadmin=${ASADMIN:-asadmin}
listener=configs.config.server-config.network-config

# Loopback only, behind the reverse proxy of ../nginx (set 0.0.0.0 to serve clients directly).
"$asadmin" set $listener.network-listeners.network-listener.http-listener-1.address=127.0.0.1
# An event stream is one long request: no request timeout; keep-alive idle longer than the 15 s heartbeat.
"$asadmin" set $listener.protocols.protocol.http-listener-1.http.request-timeout-seconds=-1
"$asadmin" set $listener.protocols.protocol.http-listener-1.http.timeout-seconds=60
# Never gzip an event stream; no limit on keep-alive requests per connection.
"$asadmin" set $listener.protocols.protocol.http-listener-1.http.compression=off
"$asadmin" set $listener.protocols.protocol.http-listener-1.http.max-connections=-1
# Streams hold connections, not threads: a small request pool with a deep queue.
"$asadmin" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
"$asadmin" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
"$asadmin" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-queue-size=4096
# A write to a client that stopped reading gives up after 30 s.
"$asadmin" set $listener.transports.transport.tcp.write-timeout-millis=30000
# Beacon's delivery and heartbeat run on the default managed executors: 8 writers, 2 timers.
"$asadmin" set resources.managed-executor-service.concurrent/__defaultManagedExecutorService.core-pool-size=8
"$asadmin" set resources.managed-executor-service.concurrent/__defaultManagedExecutorService.maximum-pool-size=8
"$asadmin" set resources.managed-scheduled-executor-service.concurrent/__defaultManagedScheduledExecutorService.core-pool-size=2

# Beacon's keys (see beacon-settings.asadmin for what each is for).
"$asadmin" create-system-properties "beacon.publish.token=${BEACON_PUBLISH_TOKEN:-change-me}"
"$asadmin" create-system-properties beacon.heartbeat=15:beacon.history.size=1000:beacon.subscriber.queue=256

# Deploy at /beacon (glassfish-web.xml says so too).
"$asadmin" deploy --force=true --contextroot beacon "${WAR:-target/beacon.war}"
