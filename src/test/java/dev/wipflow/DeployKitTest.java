package dev.wipflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wipflow.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The deploy files at the repository's root (Dockerfile, .dockerignore, Procfile, system.properties, render.yaml,
 * fly.toml), read as each platform reads them, agree with the build and with what wipflow does: the jar that
 * pom.xml builds, the port wipflow listens on, the health check at {@code /api/health}, Java 17, no root in the
 * container and no secret written into a file.
 */
class DeployKitTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String HEALTH = "/api/health";
    private static final Pattern SECRET = Pattern.compile("TOKEN|KEY|SECRET|PASSWORD");

    private static String jar;
    private static String javaRelease;
    private static List<Stage> stages;

    @BeforeAll
    static void readBuildAndDockerfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
        jar = "target/" + finalName + ".jar";
        javaRelease = pom.getElementsByTagName("maven.compiler.release").item(0).getTextContent().strip();
        stages = Stage.parse(read("Dockerfile"));
    }

    // ---- the port ---------------------------------------------------------------------------------------------

    /** wipflow takes its port from PORT, which every platform here sets (or the files below set), with 7070 otherwise. */
    @Test
    void wipflowListensOnPortFromTheEnvironment() {
        assertThat(Config.from(Map.of("PORT", "5123"), false).port()).isEqualTo(5123);
        assertThat(Config.from(Map.of(), false).port()).isEqualTo(dockerPort());
    }

    @Test
    void everyPlatformFileNamesTheSamePort() throws IOException {
        int port = dockerPort();
        JsonNode render = renderWebService();
        assertThat(envVar(render, "PORT").path("value").asText()).isEqualTo(String.valueOf(port));
        JsonNode fly = fly();
        assertThat(fly.path("http_service").path("internal_port").asInt()).isEqualTo(port);
        assertThat(fly.path("env").path("PORT").asText()).isEqualTo(String.valueOf(port));
    }

    // ---- Dockerfile and .dockerignore --------------------------------------------------------------------------

    @Test
    void dockerfileBuildsWithMavenOnJdk17ThenRunsOnAJre17() {
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        Stage build = stages.get(0);
        assertThat(build.image()).contains("maven").contains("temurin-" + javaRelease);
        // The dependencies are fetched from pom.xml alone, before the sources are copied, so that layer is cached.
        int pomCopy = build.indexOf("COPY", "pom.xml");
        int fetch = build.indexOf("RUN", "dependency:go-offline");
        int sources = build.indexOf("COPY", "src/main");
        assertThat(pomCopy).isNotNegative().isLessThan(fetch);
        assertThat(fetch).isLessThan(sources);
        assertThat(build.indexOf("RUN", "package")).isGreaterThan(sources);

        Stage run = finalStage();
        assertThat(run.image()).startsWith("eclipse-temurin:" + javaRelease + "-jre");
        assertThat(run.all("COPY")).anySatisfy(copy -> assertThat(copy)
                .startsWith("--from=" + build.name() + " ")
                .contains("/build/" + jar + " "));
    }

    @Test
    void finalStageIsNotRoot() {
        List<String> users = finalStage().all("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0].strip();
        assertThat(user).isNotIn("root", "0").isNotBlank();
    }

    @Test
    void finalStageExposesAndSetsPortAndKeepsSqliteOnAVolume() {
        Stage run = finalStage();
        Map<String, String> env = run.env();
        assertThat(env).containsKey("PORT");
        assertThat(run.all("EXPOSE")).containsExactly(env.get("PORT"));
        String dbUrl = env.get("DATABASE_URL");
        assertThat(dbUrl).startsWith("jdbc:sqlite:/");
        String dbDir = Path.of(dbUrl.substring("jdbc:sqlite:".length())).getParent().toString();
        assertThat(run.all("VOLUME")).anySatisfy(v -> assertThat(v).contains("\"" + dbDir + "\""));
    }

    @Test
    void finalStageRunsTheJarAndChecksHealthOnThePortItRunsOn() {
        Stage run = finalStage();
        String cmd = run.last("CMD");
        assertThat(cmd).startsWith("[").contains("\"java\"").contains("\"-jar\"")
                .contains("\"/app/" + Path.of(jar).getFileName() + "\"");
        String health = run.last("HEALTHCHECK");
        assertThat(health).contains("CMD ");
        // Shell form, so ${PORT} is the container's; the Temurin JRE image (Ubuntu) has wget but no JDK tools.
        assertThat(health).contains("http://127.0.0.1:${PORT}" + HEALTH).contains("wget ");
    }

    @Test
    void jvmFlagsLeaveRoomIn256Megabytes() {
        String opts = finalStage().env().get("JDK_JAVA_OPTIONS");
        assertThat(opts).contains("-XX:MaxRAMPercentage=").contains("-XX:+UseSerialGC");
        Matcher m = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(opts);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(25, 60);
        assertThat(opts).doesNotContain("-Xmx");
    }

    /**
     * The image starts from a class-data archive that a training start of the copied jar wrote, before the image
     * drops root (the archive is in /app), and the JVM is told to use exactly that file. The training runs with the
     * image's JVM flags and processes demo products, so the first product after a start finds its classes archived.
     */
    @Test
    void theImageStartsFromAClassDataArchiveItsTrainingStartWrote() {
        Stage run = finalStage();
        int copy = run.indexOf("COPY", jar);
        int training = run.indexOf("RUN", "-XX:ArchiveClassesAtExit=");
        assertThat(training).as("a training start").isGreaterThan(copy);
        assertThat(run.indexOf("USER", "")).isGreaterThan(training);
        String trainingRun = run.all("RUN").stream().filter(r -> r.contains("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        Matcher archive = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)").matcher(trainingRun);
        assertThat(archive.find()).isTrue();
        assertThat(trainingRun).contains("-jar /app/").contains(HEALTH).contains("kill ");
        String options = finalStage().env().get("JDK_JAVA_OPTIONS");
        assertThat(options).contains("-XX:SharedArchiveFile=" + archive.group(1));
        for (String flag : options.split("\\s+")) {
            if (!flag.startsWith("-XX:SharedArchiveFile=")) assertThat(trainingRun).as("trained with the flags it runs with").contains(flag);
        }
        assertThat(trainingRun).as("the training processes products, so their classes are archived too")
                .contains("--demo").contains("/api/demo/wip/process-one");
    }

    @Test
    void dockerignoreLetsThroughWhatTheBuildCopiesAndNothingSecret() throws IOException {
        List<String> rules = read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules.get(0)).isEqualTo("*");
        List<String> allowed = rules.stream().filter(r -> r.startsWith("!"))
                .map(r -> r.substring(1).replaceAll("/$", "")).toList();
        for (String copy : stages.get(0).all("COPY")) {
            String source = copy.split("\\s+")[0].replaceAll("/$", "");
            assertThat(allowed).as("COPY %s gets past .dockerignore", source).contains(source);
            assertThat(Files.exists(ROOT.resolve(source))).as(source).isTrue();
        }
        assertThat(allowed).noneMatch(a -> a.startsWith(".env") || a.startsWith("data") || a.endsWith(".db")
                || a.equals("target") || a.equals(".git") || a.equals("src/test"));
    }

    // ---- Heroku-style buildpacks --------------------------------------------------------------------------------

    @Test
    void procfileRunsTheBuiltJarAndLeavesThePortToPort() throws IOException {
        List<String> processes = read("Procfile").lines().filter(l -> l.matches("^[A-Za-z0-9_-]+:.*")).toList();
        assertThat(processes).hasSize(1);
        String web = processes.get(0);
        assertThat(web).startsWith("web:");
        assertThat(web.substring(4).strip().split("\\s+")).containsSubsequence("java", "-jar", jar);
        // The platform's $PORT reaches wipflow through the environment (wipflowListensOnPortFromTheEnvironment);
        // nothing on the command line may set another port.
        assertThat(web).doesNotContainPattern("PORT=\\d|-Dport|--port");
    }

    @Test
    void systemPropertiesAsksForTheJavaThePomCompilesFor() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("system.properties"))) {
            p.load(in);
        }
        assertThat(p.getProperty("java.runtime.version")).isEqualTo(javaRelease);
    }

    // ---- Render ------------------------------------------------------------------------------------------------

    @Test
    void renderRunsTheDockerfileWithHealthCheckAndItsOwnDatabase() throws IOException {
        JsonNode web = renderWebService();
        assertThat(web.path("runtime").asText()).isEqualTo("docker");
        assertThat(ROOT.resolve(web.path("dockerfilePath").asText())).exists();
        assertThat(web.path("healthCheckPath").asText()).isEqualTo(HEALTH);

        JsonNode from = envVar(web, "DATABASE_URL").path("fromDatabase");
        assertThat(from.path("property").asText()).isEqualTo("connectionString");
        List<String> databases = names(render().path("databases"));
        assertThat(databases).contains(from.path("name").asText());

        assertThat(envVar(web, "API_TOKEN").path("generateValue").asBoolean()).isTrue();
        for (JsonNode v : web.path("envVars")) {
            if (SECRET.matcher(v.path("key").asText()).find()) {
                assertThat(v.has("value")).as("%s has no value in the file", v.path("key").asText()).isFalse();
            }
        }
    }

    // ---- Fly.io ------------------------------------------------------------------------------------------------

    @Test
    void flyBuildsTheDockerfileChecksHealthAndStopsWhenIdle() throws IOException {
        JsonNode fly = fly();
        assertThat(fly.path("app").asText()).isNotBlank();
        assertThat(ROOT.resolve(fly.path("build").path("dockerfile").asText())).exists();
        JsonNode http = fly.path("http_service");
        assertThat(http.path("auto_stop_machines").asText()).isIn("stop", "suspend", "true");
        assertThat(http.path("auto_start_machines").asBoolean()).isTrue();
        assertThat(http.path("min_machines_running").asInt(-1)).isZero();
        JsonNode checks = http.path("checks");
        assertThat(checks.isArray() && checks.size() > 0).isTrue();
        for (JsonNode check : checks) {
            assertThat(check.path("path").asText()).isEqualTo(HEALTH);
            assertThat(check.path("method").asText("GET")).isEqualToIgnoringCase("GET");
        }
        fly.path("env").fieldNames().forEachRemaining(k -> assertThat(k).doesNotContainPattern(SECRET));
        String memory = fly.path("vm").get(0).path("memory").asText().toLowerCase(Locale.ROOT);
        assertThat(memory).isEqualTo("256mb");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static int dockerPort() {
        return Integer.parseInt(finalStage().env().get("PORT"));
    }

    private static Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static JsonNode render() throws IOException {
        return new YAMLMapper().readTree(read("render.yaml"));
    }

    private static JsonNode renderWebService() throws IOException {
        List<JsonNode> web = StreamSupport.stream(render().path("services").spliterator(), false)
                .filter(s -> s.path("type").asText().equals("web")).toList();
        assertThat(web).hasSize(1);
        return web.get(0);
    }

    private static JsonNode fly() throws IOException {
        ObjectMapper toml = new TomlMapper();
        return toml.readTree(read("fly.toml"));
    }

    private static JsonNode envVar(JsonNode service, String key) {
        for (JsonNode v : service.path("envVars")) {
            if (v.path("key").asText().equals(key)) return v;
        }
        throw new AssertionError("no env var " + key + " in " + service.path("name").asText());
    }

    private static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    /** One stage of a Dockerfile: its FROM image and name, and its instructions (continuations joined, comments dropped). */
    private record Stage(String image, String name, List<String[]> instructions) {
        static List<Stage> parse(String dockerfile) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String raw : dockerfile.lines().toList()) {
                String line = raw.strip();
                if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) continue;
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                if (current.toString().isBlank()) continue;
                lines.add(current.toString().strip());
                current.setLength(0);
            }
            List<Stage> stages = new ArrayList<>();
            for (String line : lines) {
                String[] parts = line.split("\\s+", 2);
                String keyword = parts[0].toUpperCase(Locale.ROOT);
                String args = parts.length > 1 ? parts[1].strip() : "";
                if (keyword.equals("FROM")) {
                    String[] from = args.split("\\s+");
                    String name = from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
                    stages.add(new Stage(from[0], name, new ArrayList<>()));
                } else {
                    assertThat(stages).as("an instruction before the first FROM: " + line).isNotEmpty();
                    stages.get(stages.size() - 1).instructions().add(new String[] {keyword, args});
                }
            }
            return stages;
        }

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
        }

        String last(String keyword) {
            List<String> found = all(keyword);
            assertThat(found).as(keyword + " in the stage from " + image).isNotEmpty();
            return found.get(found.size() - 1);
        }

        int indexOf(String keyword, String argsContaining) {
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i)[0].equals(keyword) && instructions.get(i)[1].contains(argsContaining)) return i;
            }
            return -1;
        }

        /** The ENV of the stage, in both forms ({@code ENV K=V K2="V 2"} and {@code ENV K V}). */
        Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
            for (String args : all("ENV")) {
                if (!args.matches("^[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    String[] kv = args.split("\\s+", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                    continue;
                }
                Matcher m = pair.matcher(args);
                while (m.find()) {
                    String v = m.group(2);
                    env.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
                }
            }
            return env;
        }
    }
}
