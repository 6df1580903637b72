package dev.wipflow.http;

import dev.wipflow.store.DocumentImages;
import dev.wipflow.wip.DomainException;
import io.javalin.http.Context;

/** A picture taken from a supplier document, served with its own content type so the sheet and exports can link it. */
public final class DocumentImageHandlers {
    private final DocumentImages images;

    public DocumentImageHandlers(DocumentImages images) {
        this.images = images;
    }

    public void get(Context ctx) {
        String collection = Requests.collection(ctx);
        long document = Requests.id(ctx, "id");
        long n = Requests.id(ctx, "n");
        DocumentImages.Picture picture = images.find(collection, document, n)
                .orElseThrow(() -> DomainException.notFound("document " + document + " has no picture " + n));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.contentType(picture.contentType()).result(picture.bytes());
    }
}
