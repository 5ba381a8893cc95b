-- Version 7: answers being typed. A text or number field changes on every keystroke; signing each change would put
-- thirty chain links and thirty outbox rows behind one opinion. A draft is kept here, unsigned and never sent, and
-- becomes one signed answer when the inspector leaves the question or finishes the check. Kept on disk so that an
-- app killed mid-sentence finds the words again.

CREATE TABLE check_answer_drafts (
    check_id   TEXT NOT NULL REFERENCES site_checks (id),
    question   TEXT NOT NULL,
    value      TEXT NOT NULL, -- the AnswerValue as JSON, already validated against its question
    updated_at TEXT NOT NULL,
    PRIMARY KEY (check_id, question)
) STRICT, WITHOUT ROWID;
