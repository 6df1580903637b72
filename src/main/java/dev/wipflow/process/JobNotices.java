package dev.wipflow.process;

import dev.wipflow.json.Json;
import dev.wipflow.store.JobStore;
import dev.wipflow.webhook.WebhookClient;
import dev.wipflow.wip.Job;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code job.completed} webhook, sent from inside requests (no thread of ours): after a product's run, the
 * collection's completed jobs whose webhook is due are sent, each once. Every attempt is first taken in the
 * database ({@link JobStore#claimWebhook}), so two requests finishing the same job never both send it; a failed one
 * is tried again by a later request of the collection, after a growing pause, up to {@link #MAX_ATTEMPTS} in all.
 */
public final class JobNotices {
    private static final Logger log = LoggerFactory.getLogger(JobNotices.class);
    static final int MAX_ATTEMPTS = 5;
    /** How long an attempt holds the delivery: longer than the client's whole call. */
    private static final Duration SENDING = Duration.ofSeconds(30);
    /** Jobs one request sends at most, so that a receiver that is down never holds a request up for long. */
    private static final int PER_REQUEST = 2;
    /** No webhook configured. */
    public static final JobNotices NONE = new JobNotices(null, null, null);

    private final JobStore jobs;
    private final WebhookClient client;
    private final String userAgent;

    public JobNotices(JobStore jobs, WebhookClient client, String userAgent) {
        this.jobs = jobs;
        this.client = client;
        this.userAgent = userAgent;
    }

    /** Sends the collection's due webhooks (see the class comment); does nothing without a webhook. */
    public void sendDue(String collection) {
        if (client == null) return;
        for (String jobId : jobs.webhooksToSend(collection, MAX_ATTEMPTS, PER_REQUEST)) {
            if (!jobs.claimWebhook(jobId, MAX_ATTEMPTS, SENDING)) continue;
            Job job = jobs.get(collection, jobId).orElse(null);
            if (job == null) continue;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", "job.completed");
            body.put("job", job);
            String error = client.post(Json.write(body), userAgent);
            if (error == null) {
                jobs.webhookDelivered(jobId);
                log.info("job {} of {}: webhook delivered", jobId, collection);
            } else {
                int attempt = job.webhook() == null ? 1 : job.webhook().attempts();
                jobs.webhookFailed(jobId, error, Duration.ofSeconds(1L << Math.min(attempt - 1, 10)));
                log.warn("job {} of {}: webhook attempt {} of {} failed: {}", jobId, collection, attempt, MAX_ATTEMPTS, error);
            }
        }
    }
}
