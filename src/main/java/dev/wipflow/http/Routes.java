package dev.wipflow.http;

import dev.wipflow.service.ExportService;
import dev.wipflow.wip.Status;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/** Every route in one place (the table of the README's API section), and how their parameters convert. */
public record Routes(WipHandlers wip, CorrectionHandlers corrections, ProcessHandlers process, JobHandlers jobs,
                     ExportHandlers export, DocumentHandlers documents,
                     DocumentImageHandlers documentImages, Handler health, Auth auth, CollectionGuard guard) {

    public void register(JavalinConfig config) {
        // for ctx.queryParamAsClass: a value that does not convert is a 400 with the converter's message (Errors)
        config.validation.register(Status.class, s -> s.isBlank() ? null : Status.parse(s.strip()));
        config.validation.register(ExportService.Format.class, ExportService.Format::parse);

        var r = config.routes;
        r.before("/api/*", auth::check);
        r.beforeMatched("/api/*", guard::check); // after every before handler, so after the token check
        r.get("/api/health", health);
        r.get("/api/collections", wip::collections);

        r.post("/api/{c}/wip/process-one", process::processOne);
        r.get("/api/{c}/wip/process-stream", process::processStream);
        r.post("/api/{c}/wip/process-stream", process::processStream);
        r.post("/api/{c}/wip/process", jobs::create);

        r.get("/api/{c}/wip/jobs", jobs::list);
        r.get("/api/{c}/wip/jobs/{job_id}", jobs::get);
        r.post("/api/{c}/wip/jobs/{job_id}/cancel", jobs::cancel);

        r.post("/api/{c}/wip", wip::add);
        r.get("/api/{c}/wip", wip::list);
        r.get("/api/{c}/wip/{id}", wip::get);
        r.delete("/api/{c}/wip/{id}", wip::delete);
        r.patch("/api/{c}/wip/{id}", corrections::patch);
        r.post("/api/{c}/wip/{id}/approve", corrections::approve);
        r.post("/api/{c}/wip/{id}/reset", wip::reset);
        r.post("/api/{c}/wip/{id}/cancel", wip::cancel);

        r.get("/api/{c}/export.csv", export::csv);

        r.post("/api/{c}/documents", documents::upload);
        r.post("/api/{c}/documents/sheet", documents::sheet);
        r.get("/api/{c}/documents/{id}", documents::get);
        r.post("/api/{c}/documents/{id}/preview", documents::preview);
        r.post("/api/{c}/documents/{id}/import", documents::importDocument);
        r.post("/api/{c}/documents/{id}/continue", documents::resume);
        r.get("/api/{c}/documents/{id}/images/{n}", documentImages::get);
    }
}
