# wipflow in a container: one fat jar on a slim JRE, sized for a 256 MB box.
#
#   docker build -t wipflow .
#   docker run -p 7070:7070 -v wipflow-data:/data -e API_TOKEN=… wipflow
#
# What a team fills in: nothing in this file. Configuration is the environment at `docker run` (or the
# platform's settings): API_TOKEN always, DATABASE_URL for PostgreSQL (the default is SQLite on the /data
# volume), and the Google / LLM / Apps Script variables of the README's Configuration table.

# ---- build: Maven and a JDK 17 ---------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The dependencies first, in their own layer: it is rebuilt only when pom.xml changes, not on every code change.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline

# Then the code. Tests are for CI, not for the image build: -Dmaven.test.skip also skips compiling them,
# so src/test is not copied in (see .dockerignore). finalName in pom.xml makes the jar target/wipflow.jar.
COPY src/main src/main
COPY static static
RUN mvn -B -q package -Dmaven.test.skip=true

# ---- run: a JRE 17 only -------------------------------------------------------------------------------------
# Ubuntu-based Temurin JRE (pinned to the Ubuntu release, so what is in it stays as below). It has wget, which
# the HEALTHCHECK uses; the Alpine variant would too (busybox), a distroless image would not.
FROM eclipse-temurin:17-jre-noble

# A user of our own with a fixed numeric id, so platforms that check runAsNonRoot can see it is not root.
RUN groupadd --system --gid 10001 wipflow \
    && useradd --system --uid 10001 --gid wipflow --no-create-home --home-dir /app --shell /usr/sbin/nologin wipflow \
    && mkdir -p /app /data \
    && chown wipflow:wipflow /data

WORKDIR /app
COPY --from=build /build/target/wipflow.jar /app/wipflow.jar

# Class-data sharing: one training start writes the classes it loaded into an archive; every start then maps them
# instead of reading, verifying and linking them one by one from the jar. The training run starts with the demo
# collection and processes three of its products (pages wipflow serves itself), so the archive also holds what the
# first product of a batch needs: extraction, the store's statements, the answer's JSON. It runs with the flags of
# JDK_JAVA_OPTIONS below, which the archive must match. Measured in a 256 MB memory box on 2 cores (README,
# "Starting cold"): start to the first /api/health answer and the first process-one after it.
# If the archive does not fit the JVM (another image, other flags) the JVM says so once and starts without it.
RUN PORT=7070 DATABASE_URL=jdbc:sqlite:/tmp/cds-training.db java -XX:MaxRAMPercentage=50 -XX:+UseSerialGC \
        -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:ArchiveClassesAtExit=/app/wipflow.jsa \
        -jar /app/wipflow.jar --demo & pid=$!; \
    for i in $(seq 120); do wget -q -O /dev/null http://127.0.0.1:7070/api/health && break; sleep 0.5; done; \
    for i in 1 2 3; do wget -q -O /dev/null --header='Content-Type: application/json' --post-data='{}' \
        http://127.0.0.1:7070/api/demo/wip/process-one; done; \
    wget -q -O /dev/null http://127.0.0.1:7070/api/collections; wget -q -O /dev/null http://127.0.0.1:7070/; \
    kill $pid; wait $pid; rm -f /tmp/cds-training.db*; test -s /app/wipflow.jsa && chmod a+r /app/wipflow.jsa

# PORT: wipflow reads it itself (most platforms set it; 7070 otherwise). DATABASE_URL: SQLite on the volume,
# so the database outlives the container; set a PostgreSQL URL instead to run several instances.
ENV PORT=7070 \
    DATABASE_URL=jdbc:sqlite:/data/wipflow.db

# JVM flags for a 256 MB container, read by the `java` launcher (override with -e JDK_JAVA_OPTIONS=…):
# - MaxRAMPercentage=50: heap up to half of the container's limit. At 256 MB the JVM picks about that by itself
#   (126 MB), but from 512 MB up only a quarter; this keeps half at every size, the rest being metaspace, code
#   cache, thread stacks and SQLite's native memory.
# - UseSerialGC: one GC thread and the smallest footprint. The JVM picks it by itself only in a box under
#   1792 MB or with one CPU; this makes it so on any box. Pauses stay short with a heap this small.
# - no -Xss: a thread's stack pages count only once touched, so a smaller stack saves little and risks a
#   StackOverflowError in a deep regex or parse of an odd page.
# - TieredStopAtLevel=1 (C1 only, no C2): measured with the jar and the flags above on 2 busy cores with
#   -XX:MaxRAM=256m, six starts each, it cut the CPU spent from start to the first /api/health answer from
#   5.8-6.8 s to 3.4-3.9 s and the peak RSS at that point from 137-144 MB to 115-119 MB. On a platform's shared single CPU that CPU time is the cold start an
#   idle-stopped machine makes its first caller wait. The cost is peak speed of CPU-bound code on long runs,
#   which matters little here: a product's time is mostly waiting on its page, the LLM and the Sheets API.
#   Remove it for an always-on instance that processes long batches.
# - ExitOnOutOfMemoryError: a JVM out of heap exits, and the platform restarts it, instead of limping on.
# - SharedArchiveFile: the class-data archive the training start above wrote.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=/app/wipflow.jsa"

USER 10001:10001
VOLUME ["/data"]
EXPOSE 7070

# /api/health needs no token. Shell form so ${PORT} is the one the container was started with.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD wget -q -T 4 -O /dev/null "http://127.0.0.1:${PORT}/api/health" || exit 1

# The image's entrypoint (Temurin's CA-certificate hook) runs first and then execs this, so java is PID 1's
# process and gets SIGTERM directly: wipflow then drains requests for up to 25 s.
CMD ["java", "-jar", "/app/wipflow.jar"]
