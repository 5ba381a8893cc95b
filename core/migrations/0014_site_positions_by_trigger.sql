-- Version 14: the sites' R*Tree is kept by triggers, as `site_cards` is (version 13).
--
-- Until now the code that wrote a site also wrote its R*Tree entry, and each delete path removed the entry itself
-- before removing the site; one path forgetting would leave "nearest sites" with a site that is gone or without one
-- that is there. Like the cards, the positions are derived data, so SQLite keeps them: whatever writes `sites`
-- (an upsert from a pull, a delete of a loan's sites, a reset) updates the tree in the same statement. The rebuild
-- below fills it afresh for stores made before.
DELETE FROM sites_rtree;
INSERT INTO sites_rtree SELECT rowid, lat, lat, lon, lon FROM sites;

CREATE TRIGGER sites_rtree_insert AFTER INSERT ON sites BEGIN
    INSERT OR REPLACE INTO sites_rtree VALUES (NEW.rowid, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
END;
CREATE TRIGGER sites_rtree_update AFTER UPDATE OF lat, lon ON sites BEGIN
    DELETE FROM sites_rtree WHERE site_rowid = OLD.rowid;
    INSERT OR REPLACE INTO sites_rtree VALUES (NEW.rowid, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
END;
CREATE TRIGGER sites_rtree_delete AFTER DELETE ON sites BEGIN
    DELETE FROM sites_rtree WHERE site_rowid = OLD.rowid;
END;
