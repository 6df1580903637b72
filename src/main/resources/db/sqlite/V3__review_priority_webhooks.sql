-- A product's priority: the next product claimed is the waiting one with the highest, then the oldest.
ALTER TABLE wip_products ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
-- What a product in review lacks: a JSON list of required field names, and "variant" when its SKU matched none of
-- the page's variants.
ALTER TABLE wip_products ADD COLUMN missing TEXT;
-- Whether the product's last clean step appended its row to the sheet ('created') or wrote an existing one ('updated').
ALTER TABLE wip_products ADD COLUMN sheet_write TEXT;
-- The claim's pick of the next waiting product: one range of this index, in the order it reads.
CREATE INDEX wip_products_priority ON wip_products (collection, status, priority DESC, id);
-- A job's result: the product's status when it was recorded, and its sheet_write.
ALTER TABLE job_results ADD COLUMN status TEXT;
ALTER TABLE job_results ADD COLUMN sheet_write TEXT;
-- The job.completed webhook: 'due' when the job completes, 'sending' while one request delivers it (until
-- webhook_until), 'delivered', or 'failed' (retried from webhook_until on, a few times).
ALTER TABLE jobs ADD COLUMN webhook_state TEXT;
ALTER TABLE jobs ADD COLUMN webhook_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN webhook_error TEXT;
ALTER TABLE jobs ADD COLUMN webhook_until BIGINT;
ALTER TABLE jobs ADD COLUMN webhook_delivered_at BIGINT;
CREATE INDEX jobs_webhook ON jobs (collection, webhook_state);
