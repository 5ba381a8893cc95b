-- Version 11: commune reviews (đánh giá tại xã). One row per inspector per plan per commune: the inspector's own
-- (written here, signed into the chain, sent up) and their teammates' (pulled). The lists are JSON text as they
-- travel ([{key, rating, text}], [{name, role}], [{who, what}], [{to, what}]), read back whole by the core.
-- No foreign key to the plan: office data is replaced by sync and must never block, or lose, a review.
CREATE TABLE commune_reviews (
    id              TEXT PRIMARY KEY,          -- plan_id/commune_code/author
    plan_id         TEXT NOT NULL,
    commune_code    TEXT NOT NULL,
    author          TEXT NOT NULL,
    held_on         TEXT NOT NULL,
    headings        TEXT NOT NULL DEFAULT '[]',
    attendees       TEXT NOT NULL DEFAULT '[]',
    opinions        TEXT NOT NULL DEFAULT '[]',
    recommendations TEXT NOT NULL DEFAULT '[]',
    updated_at      TEXT NOT NULL,
    signature       TEXT,
    hlc             TEXT NOT NULL
) STRICT;
CREATE INDEX commune_reviews_commune ON commune_reviews (plan_id, commune_code);
