-- Supplier documents read for a collection: the table chosen from the file, kept until it is imported (the disk of a
-- deploy does not last). cells is the table's rows as JSON; header_row the header's index in them, from 0.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    filename TEXT,
    format TEXT NOT NULL,
    kind TEXT NOT NULL,
    table_name TEXT NOT NULL,
    tables TEXT NOT NULL,
    header_row INTEGER NOT NULL,
    cells TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    imported_at BIGINT
);
CREATE INDEX documents_collection ON documents (collection, id);
-- The values a document gave a product (source 'document'): evidence for extraction, kept when extraction is redone.
ALTER TABLE wip_products ADD COLUMN document_fields TEXT;
