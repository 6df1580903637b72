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

# PORT: wipflow reads it itself (most platforms set it; 7070 otherwise). DATABASE_URL: SQLite on the volume,
# so the database outlives the container; set a PostgreSQL URL instead to run several instances.
ENV PORT=7070 \
    DATABASE_URL=jdbc:sqlite:/data/wipflow.db

# JVM flags for a 256 MB container, read by the `java` launcher (override with -e JDK_JAVA_OPTIONS=…):
# - MaxRAMPercentage=50: heap up to half of the container's limit (128 MB in 256 MB, the -Xmx128m the README
#   measured), leaving the rest to metaspace, code cache, thread stacks and SQLite's native memory.
# - UseSerialGC: one GC thread and the smallest overhead; the JVM picks it by itself below 2 CPUs or 1792 MB,
#   this makes it so on a bigger box too. Pauses stay short with a heap this small.
# - Xss512k: request threads (Jetty's pool) need far less than the 1 MB default stack.
# - TieredStopAtLevel=1 (C1 only) is NOT set: see the README's "Starting faster" for what it gains at start
#   and what it costs on long batches; add it here when instances start often and batches are short.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
VOLUME ["/data"]
EXPOSE 7070

# /api/health needs no token. Shell form so ${PORT} is the one the container was started with.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD wget -q -T 4 -O /dev/null "http://127.0.0.1:${PORT}/api/health" || exit 1

# The image's entrypoint (Temurin's CA-certificate hook) runs first and then execs this, so java is PID 1's
# process and gets SIGTERM directly: wipflow then drains requests for up to 25 s.
CMD ["java", "-jar", "/app/wipflow.jar"]
