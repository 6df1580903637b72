CREATE TABLE wip_products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    sku TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    step TEXT,
    row_num INTEGER,
    append_pending INTEGER NOT NULL DEFAULT 0,
    fields TEXT,
    descriptions TEXT,
    cleaned TEXT,
    error_step TEXT,
    error_message TEXT,
    warnings TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_until BIGINT,
    lease_token TEXT,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    sheet_calls INTEGER NOT NULL DEFAULT 0,
    llm_tokens BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    completed_at BIGINT,
    UNIQUE (collection, sku)
);
CREATE INDEX wip_products_claim ON wip_products (collection, status, id);
CREATE INDEX wip_products_lease ON wip_products (lease_token);

CREATE TABLE jobs (
    job_id TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    wip_ids TEXT NOT NULL,
    status TEXT NOT NULL,
    fast_mode INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    completed_at BIGINT
);
CREATE INDEX jobs_collection ON jobs (collection, created_at);

CREATE TABLE job_results (
    job_id TEXT NOT NULL,
    wip_id BIGINT NOT NULL,
    sku TEXT NOT NULL,
    row_num INTEGER,
    success INTEGER NOT NULL,
    extracted_fields TEXT,
    duration DOUBLE PRECISION,
    error TEXT,
    at BIGINT NOT NULL,
    PRIMARY KEY (job_id, wip_id)
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    wip_id BIGINT NOT NULL,
    job_id TEXT,
    step TEXT NOT NULL,
    state TEXT NOT NULL,
    message TEXT,
    percent INTEGER,
    at BIGINT NOT NULL
);
CREATE INDEX events_wip ON events (wip_id, id);

CREATE TABLE sheet_rows (
    collection TEXT NOT NULL,
    row_num INTEGER NOT NULL,
    sku TEXT NOT NULL,
    cells TEXT NOT NULL,
    PRIMARY KEY (collection, row_num),
    UNIQUE (collection, sku)
);
