-- The pictures taken from supplier documents (a linesheet's product photos), kept in the database because a
-- host's disk is wiped on every deploy. n numbers a document's pictures from 1; table_index and row_index say
-- which row of which of its tables each is printed beside.
CREATE TABLE document_images (
    collection TEXT NOT NULL,
    document_id BIGINT NOT NULL,
    n INTEGER NOT NULL,
    table_index INTEGER NOT NULL,
    row_index INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (collection, document_id, n)
);
CREATE INDEX document_images_row ON document_images (collection, document_id, table_index, row_index);
