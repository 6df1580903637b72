package dev.wipflow;

import dev.wipflow.clean.AppsScriptCleaner;
import dev.wipflow.clean.BuiltInCleaner;
import dev.wipflow.clean.Cleaner;
import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import dev.wipflow.demo.DemoShop;
import dev.wipflow.describe.Describer;
import dev.wipflow.describe.LlmDescriber;
import dev.wipflow.describe.TemplateDescriber;
import dev.wipflow.document.CsvTableReader;
import dev.wipflow.document.DocumentFormat;
import dev.wipflow.document.DocumentLimits;
import dev.wipflow.document.DocumentPictures;
import dev.wipflow.document.DocumentReaders;
import dev.wipflow.document.ItemPictures;
import dev.wipflow.document.PdfLimits;
import dev.wipflow.document.PdfReader;
import dev.wipflow.document.PictureLinks;
import dev.wipflow.document.XlsxTableReader;
import dev.wipflow.extract.AddressPolicy;
import dev.wipflow.extract.Extractor;
import dev.wipflow.extract.FetchLimits;
import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.ImageCheck;
import dev.wipflow.extract.ProductExtractor;
import dev.wipflow.extract.SafeFetcher;
import dev.wipflow.http.Auth;
import dev.wipflow.http.CollectionGuard;
import dev.wipflow.http.CorrectionHandlers;
import dev.wipflow.http.DocumentHandlers;
import dev.wipflow.http.DocumentImageHandlers;
import dev.wipflow.http.Errors;
import dev.wipflow.http.ExportHandlers;
import dev.wipflow.http.JobHandlers;
import dev.wipflow.http.ProcessHandlers;
import dev.wipflow.http.Routes;
import dev.wipflow.http.StaticPage;
import dev.wipflow.http.StreamLimiter;
import dev.wipflow.http.WipHandlers;
import dev.wipflow.json.Json;
import dev.wipflow.llm.ChatClient;
import dev.wipflow.llm.LlmFieldFiller;
import dev.wipflow.net.Http;
import dev.wipflow.pipeline.CleanStep;
import dev.wipflow.pipeline.DescribeStep;
import dev.wipflow.pipeline.ExtractStep;
import dev.wipflow.pipeline.FinalizeStep;
import dev.wipflow.pipeline.Pipeline;
import dev.wipflow.pipeline.SheetRowStep;
import dev.wipflow.process.Approvals;
import dev.wipflow.process.Batches;
import dev.wipflow.process.JobNotices;
import dev.wipflow.process.Processor;
import dev.wipflow.service.Corrections;
import dev.wipflow.service.DocumentImport;
import dev.wipflow.service.DocumentService;
import dev.wipflow.service.ExportService;
import dev.wipflow.service.JobService;
import dev.wipflow.service.PdfDocuments;
import dev.wipflow.service.Products;
import dev.wipflow.service.WipService;
import dev.wipflow.sheet.GoogleSheet;
import dev.wipflow.sheet.LocalSheet;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.QuotaSlots;
import dev.wipflow.store.Database;
import dev.wipflow.store.DocumentImages;
import dev.wipflow.store.DocumentStore;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.QuotaStore;
import dev.wipflow.store.WalCheckpoints;
import dev.wipflow.store.WipStore;
import dev.wipflow.webhook.WebhookClient;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Review;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds wipflow from its configuration: the one place where the parts are chosen and wired. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    public static final String VERSION = "0.1.0";
    static final int MAX_BODY_BYTES = 2_000_000;
    /** A supplier document may be larger than a JSON body: the larger of a spreadsheet's and a PDF's limits. */
    static final int MAX_DOCUMENT_BYTES = (int) Math.max(DocumentLimits.DEFAULT.maxBytes(), PdfLimits.DEFAULT.maxBytes());
    /** How long reading a PDF may take in one call when neither the call ({@code max_seconds}) nor MAX_SECONDS says. */
    static final int DOCUMENT_SECONDS = 20;
    static final int MAX_STREAMS = 50;
    /**
     * Request threads: a request holds its thread for a whole product (seconds), so this is how many products and
     * streams run at once. Room for every stream and as many callers again; beyond it requests wait in Jetty's queue.
     * Each busy thread costs its stack and a page being parsed, so the bound is what keeps a 256 MB box inside it.
     */
    static final int MAX_THREADS = 2 * MAX_STREAMS;

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
        return start(config, Clock.systemUTC());
    }

    /** Started with the clock every part takes "now" from (tests give one whose time they control). */
    public static App start(Config config, Clock clock) {
        Database db = Database.open(config.databaseUrl(), clock);
        Http http = Http.of(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60)));

        WipStore wips = new WipStore(db.sql(), db.dialect());
        WalCheckpoints wal = new WalCheckpoints(db.sql(), db.dialect());
        EventStore events = new EventStore(db.sql(), clock);
        JobStore jobs = new JobStore(db.sql(), clock, config.webhookUrl() != null);

        ProductSheet sheet = config.googleSheets() ? GoogleSheet.fromConfig(config, http,
                QuotaSlots.shared(new QuotaStore(db.sql())), clock) : new LocalSheet(db.sql(), db.dialect());
        ChatClient chat = config.llm() ? ChatClient.fromConfig(config, http) : null;
        Set<String> trustedHosts = Set.copyOf(config.fetchAllowHosts());
        SafeFetcher fetcher = new SafeFetcher(http, config.fetchAllowPrivate(), FetchLimits.DEFAULT, trustedHosts);
        Extractor extractor = new ProductExtractor(fetcher, chat == null ? FieldFiller.NONE : new LlmFieldFiller(chat),
                new ImageCheck(fetcher));
        Describer templates = new TemplateDescriber();
        Describer describer = chat == null ? templates : new LlmDescriber(chat);
        Cleaner cleaner = config.appsScriptUrl() == null ? new BuiltInCleaner() : AppsScriptCleaner.fromConfig(config, http);

        Review review;
        try {
            review = new Review(config.requiredFields());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("REQUIRED_FIELDS: " + e.getMessage() + " (the fields are "
                    + String.join(", ", ProductFields.NAMES) + ")");
        }
        JobNotices notices = config.webhookUrl() == null ? JobNotices.NONE
                : new JobNotices(jobs, new WebhookClient(http, config.webhookUrl(), config.webhookSecret()), "wipflow/" + VERSION);
        Processor processor = new Processor(wips, events, jobs, new Pipeline(
                new SheetRowStep(sheet, config.sheetRowFirst()),
                new ExtractStep(extractor),
                new DescribeStep(describer, templates),
                new CleanStep(sheet, cleaner),
                new FinalizeStep(sheet, cleaner, review)), config.lease(), config.maxSeconds(), notices, wal, clock);
        Batches batches = new Batches(processor, wips, clock);

        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("sheet", sheet.name());
        parts.put("extractor", extractor.name());
        parts.put("describer", describer.name());
        parts.put("cleaner", cleaner.name());
        parts.put("database", db.dialect().name().toLowerCase());
        parts.put("webhook", config.webhookUrl() == null ? "none" : "set");
        Map<String, Object> health = Map.of("success", true, "status", "ok", "version", VERSION, "parts", parts);

        Predicate<String> urlAllowed = config.fetchAllowPrivate() ? url -> true
                : url -> AddressPolicy.refuseUrl(url, trustedHosts).isEmpty();
        WipService adding = new WipService(wips, urlAllowed, clock);
        DocumentStore documentStore = new DocumentStore(db.sql());
        DocumentReaders readers = new DocumentReaders(Map.of(
                DocumentFormat.CSV, new CsvTableReader(),
                DocumentFormat.XLSX, new XlsxTableReader()), DocumentLimits.DEFAULT);
        DocumentImages documentImages = new DocumentImages(db.sql(), clock);
        PictureLinks pictureLinks = new PictureLinks(config.apiToken());
        PdfDocuments pdfs = new PdfDocuments(new PdfReader(PdfLimits.DEFAULT, clock), documentStore, documentImages,
                new DocumentPictures(documentImages), clock);
        DocumentService documents = new DocumentService(readers, documentStore, sheet, pdfs,
                new ItemPictures(documentImages, pictureLinks), clock);
        Routes routes = new Routes(
                new WipHandlers(adding, new Products(wips, events, clock)),
                new CorrectionHandlers(new Corrections(wips, clock), new Approvals(wips, events, sheet, config.lease(), clock)),
                new ProcessHandlers(processor, batches, new StreamLimiter(MAX_STREAMS)),
                new JobHandlers(new JobService(jobs, wips)),
                new ExportHandlers(new ExportService(wips, config.shopCurrency())),
                new DocumentHandlers(documents, new DocumentImport(documents, documentStore, wips, wal, urlAllowed, clock),
                        MAX_DOCUMENT_BYTES, config.maxSeconds() > 0 ? config.maxSeconds() : DOCUMENT_SECONDS),
                new DocumentImageHandlers(documentImages),
                ctx -> ctx.json(health),
                new Auth(config.apiToken(), pictureLinks),
                new CollectionGuard(wips));

        Javalin server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.jetty.multipartConfig.maxFileSize(MAX_DOCUMENT_BYTES, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(MAX_DOCUMENT_BYTES + 100_000L, SizeUnit.BYTES);
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, (int) Duration.ofSeconds(30).toMillis());
            threads.setName("wipflow-http");
            c.jetty.threadPool = threads;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
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
            new StaticPage().register(c); // last: every other GET is a file of the page
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
