-- Version 13: the nearest-sites list reads one table (docs/design.md P4, nearest 20 sites ≤ 2 ms).
--
-- A list row shows a site with its funded model, loan and borrower. Joined at read time, each of the four is
-- reached through its own text primary key, and on a store of 100,000 loans those pages lie far apart: the
-- twenty rows of one answer read and decrypt (SQLCipher checks an HMAC-SHA512 per page) well over a hundred pages,
-- most of the time the list took. `site_cards` keeps what a row shows beside the site's own rowid, so the answer
-- reads a few pages. It is derived data, kept by the triggers below whatever code writes the four tables, so it
-- cannot drift from them; `site_cards_match` (core/tests) compares it with the join after every kind of change.
CREATE TABLE site_cards (
    site_rowid    INTEGER PRIMARY KEY,
    site_id       TEXT NOT NULL,
    model_id      TEXT NOT NULL,
    loan_id       TEXT NOT NULL,
    borrower_id   TEXT NOT NULL,
    agreement_no  TEXT NOT NULL,
    borrower_name TEXT NOT NULL,
    commune_code  TEXT NOT NULL,
    model_kind    TEXT NOT NULL,
    description   TEXT NOT NULL,
    lat           REAL NOT NULL,
    lon           REAL NOT NULL,
    radius_m      REAL NOT NULL,
    has_plot      INTEGER NOT NULL
) STRICT;
CREATE INDEX site_cards_model ON site_cards (model_id);
CREATE INDEX site_cards_loan ON site_cards (loan_id);
CREATE INDEX site_cards_borrower ON site_cards (borrower_id);
-- Deleting a funded model's or a loan's sites looks them up by model.
CREATE INDEX IF NOT EXISTS sites_model ON sites (model_id);

-- One card from the join, for the sites chosen by the WHERE of each trigger.
CREATE VIEW site_card_source AS
SELECT s.rowid AS site_rowid, s.id AS site_id, m.id AS model_id, l.id AS loan_id, b.id AS borrower_id,
       l.agreement_no, b.full_name AS borrower_name, s.commune_code, m.kind AS model_kind, m.description,
       s.lat, s.lon, s.radius_m, s.plot IS NOT NULL AS has_plot
FROM sites s JOIN funded_models m ON m.id = s.model_id JOIN loans l ON l.id = m.loan_id
JOIN borrowers b ON b.id = l.borrower_id;

INSERT INTO site_cards SELECT * FROM site_card_source;

CREATE TRIGGER site_cards_site_insert AFTER INSERT ON sites BEGIN
    INSERT OR REPLACE INTO site_cards SELECT * FROM site_card_source WHERE site_rowid = NEW.rowid;
END;
CREATE TRIGGER site_cards_site_update AFTER UPDATE ON sites BEGIN
    DELETE FROM site_cards WHERE site_rowid = OLD.rowid;
    INSERT OR REPLACE INTO site_cards SELECT * FROM site_card_source WHERE site_rowid = NEW.rowid;
END;
CREATE TRIGGER site_cards_site_delete AFTER DELETE ON sites BEGIN
    DELETE FROM site_cards WHERE site_rowid = OLD.rowid;
END;
CREATE TRIGGER site_cards_model_update AFTER UPDATE OF id, loan_id, kind, description ON funded_models BEGIN
    DELETE FROM site_cards WHERE model_id = OLD.id;
    INSERT OR REPLACE INTO site_cards SELECT * FROM site_card_source WHERE model_id = NEW.id;
END;
CREATE TRIGGER site_cards_loan_update AFTER UPDATE OF id, agreement_no, borrower_id ON loans BEGIN
    DELETE FROM site_cards WHERE loan_id = OLD.id;
    INSERT OR REPLACE INTO site_cards SELECT * FROM site_card_source WHERE loan_id = NEW.id;
END;
CREATE TRIGGER site_cards_borrower_update AFTER UPDATE OF id, full_name ON borrowers BEGIN
    DELETE FROM site_cards WHERE borrower_id = OLD.id;
    INSERT OR REPLACE INTO site_cards SELECT * FROM site_card_source WHERE borrower_id = NEW.id;
END;
