-- How many times in a row the product's next step was started without finishing (cut by the request's
-- deadline, or the request killed): a step that never fits its budget fails instead of looping.
ALTER TABLE wip_products ADD COLUMN step_tries INTEGER NOT NULL DEFAULT 0;
-- Why a job could not go on at all (status 'failed').
ALTER TABLE jobs ADD COLUMN error TEXT;
