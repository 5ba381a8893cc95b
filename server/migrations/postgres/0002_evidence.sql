-- Evidence bound to content: each field record's binding to the link that signed it (`evidence.*` codes, NULL for
-- kinds that carry no evidence), and the indexes that find a record's link by its hash and a link's record.
ALTER TABLE records ADD COLUMN evidence TEXT;
CREATE INDEX links_hash ON links (link_hash);
CREATE INDEX links_record ON links (record_id);
