-- Records by kind in change order: the office pages read one kind at a time (every check, every plan) and ask
-- whether a kind changed since their figures were made (its largest seq), neither of which the primary key
-- (kind, id) answers without reading every row of the kind.
CREATE INDEX records_kind_seq ON records (kind, seq);
