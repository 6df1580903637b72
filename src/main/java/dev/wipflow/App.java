package dev.wipflow;

import dev.wipflow.clean.AppsScriptCleaner;
import dev.wipflow.clean.BuiltInCleaner;
import dev.wipflow.clean.Cleaner;
import dev.wipflow.config.Config;
import dev.wipflow.demo.DemoShop;
import dev.wipflow.describe.Describer;
import dev.wipflow.describe.LlmDescriber;
import dev.wipflow.describe.TemplateDescriber;
import dev.wipflow.extract.AddressPolicy;
import dev.wipflow.extract.Extractor;
import dev.wipflow.extract.FetchLimits;
import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.ProductExtractor;
import dev.wipflow.extract.SafeFetcher;
import dev.wipflow.http.Auth;
import dev.wipflow.http.CollectionGuard;
import dev.wipflow.http.Errors;
import dev.wipflow.http.ExportHandlers;
import dev.wipflow.http.JobHandlers;
import dev.wipflow.http.ProcessHandlers;
import dev.wipflow.http.Routes;
import dev.wipflow.http.StreamLimiter;
import dev.wipflow.http.WipHandlers;
import dev.wipflow.json.Json;
import dev.wipflow.llm.ChatClient;
import dev.wipflow.llm.LlmFieldFiller;
import dev.wipflow.pipeline.CleanStep;
import dev.wipflow.pipeline.DescribeStep;
import dev.wipflow.pipeline.ExtractStep;
import dev.wipflow.pipeline.FinalizeStep;
import dev.wipflow.pipeline.Pipeline;
import dev.wipflow.pipeline.SheetRowStep;
import dev.wipflow.process.Batches;
import dev.wipflow.process.Processor;
import dev.wipflow.service.ExportService;
import dev.wipflow.service.JobService;
import dev.wipflow.service.Products;
import dev.wipflow.service.WipService;
import dev.wipflow.sheet.GoogleSheet;
import dev.wipflow.sheet.LocalSheet;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.QuotaSlots;
import dev.wipflow.store.Database;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.QuotaStore;
import dev.wipflow.store.WipStore;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds wipflow from its configuration: the one place where the parts are chosen and wired. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    public static final String VERSION = "0.1.0";
    static final int MAX_BODY_BYTES = 2_000_000;
    static final int MAX_STREAMS = 50;

    private final Javalin server;
    private final Config config;
    private final Database database;

    private App(Javalin server, Config config, Database database) {
        this.server = server;
        this.config = config;
        this.database = database;
    }

    /** Starts the server on {@code config.port()} (0: a free port). */
    public static App start(Config config) {
        Clock clock = Clock.systemUTC();
        Database db = Database.open(config.databaseUrl(), clock);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60)).build();

        WipStore wips = new WipStore(db.jdbi(), db.dialect());
        EventStore events = new EventStore(db.jdbi(), clock);
        JobStore jobs = new JobStore(db.jdbi(), clock);

        ProductSheet sheet = config.googleSheets() ? GoogleSheet.fromConfig(config,
                QuotaSlots.shared(new QuotaStore(db.jdbi())), clock) : new LocalSheet(db.jdbi(), db.dialect());
        ChatClient chat = config.llm() ? ChatClient.fromConfig(config, http) : null;
        Set<String> trustedHosts = Set.copyOf(config.fetchAllowHosts());
        Extractor extractor = new ProductExtractor(
                new SafeFetcher(http, config.fetchAllowPrivate(), FetchLimits.DEFAULT, trustedHosts),
                chat == null ? FieldFiller.NONE : new LlmFieldFiller(chat));
        Describer templates = new TemplateDescriber();
        Describer describer = chat == null ? templates : new LlmDescriber(chat);
        Cleaner cleaner = config.appsScriptUrl() == null ? new BuiltInCleaner() : AppsScriptCleaner.fromConfig(config, http);

        Processor processor = new Processor(wips, events, jobs, new Pipeline(
                new SheetRowStep(sheet, config.sheetRowFirst()),
                new ExtractStep(extractor),
                new DescribeStep(describer, templates),
                new CleanStep(sheet, cleaner),
                new FinalizeStep(sheet, cleaner)), config.lease(), config.maxSeconds(), clock);
        Batches batches = new Batches(processor, wips, clock);

        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("sheet", sheet.name());
        parts.put("extractor", extractor.name());
        parts.put("describer", describer.name());
        parts.put("cleaner", cleaner.name());
        parts.put("database", db.dialect().name().toLowerCase());
        Map<String, Object> health = Map.of("success", true, "status", "ok", "version", VERSION, "parts", parts);

        WipService adding = new WipService(wips, config.fetchAllowPrivate() ? url -> true
                : url -> AddressPolicy.refuseUrl(url, trustedHosts).isEmpty(), clock);
        Routes routes = new Routes(
                new WipHandlers(adding, new Products(wips, events, clock)),
                new ProcessHandlers(processor, batches, new StreamLimiter(MAX_STREAMS)),
                new JobHandlers(new JobService(jobs, wips)),
                new ExportHandlers(new ExportService(wips)),
                ctx -> ctx.json(health),
                new Auth(config.apiToken()),
                new CollectionGuard(wips));

        Javalin server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.staticFiles.add("/static", Location.CLASSPATH);
            c.jetty.modifyServer(s -> {
                s.setStopTimeout(Duration.ofSeconds(25).toMillis()); // in-flight requests may finish
                s.setStopAtShutdown(true);
            });
            if (!config.corsOrigins().isEmpty()) {
                List<String> origins = config.corsOrigins();
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    rule.path = "/api/*";
                    rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                }));
            }
            Errors.register(c);
            routes.register(c);
            if (config.demo()) DemoShop.register(c);
        });
        server.start(config.port());
        if (config.apiToken() == null) log.warn("API_TOKEN is not set: anyone who can reach port {} can use the API", server.port());
        App app = new App(server, config.withPort(server.port()), db);
        if (config.demo()) DemoShop.seed(wips, app.baseUrl(), clock);
        log.info("wipflow {} listening on {} ({})", VERSION, app.baseUrl(), config);
        return app;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Database database() {
        return database;
    }

    public Config config() {
        return config;
    }

    /** Stops taking requests and lets the ones in flight finish (Jetty's stop timeout). */
    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
