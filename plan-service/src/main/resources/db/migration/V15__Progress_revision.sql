-- Each change of a target's progress gets the next revision (1 for the first), carried by its event, so a consumer of
-- plan.events keeps the highest whatever order the events come in. Progress stored before: revision 1.
ALTER TABLE target_progress ADD COLUMN revision INT NOT NULL DEFAULT 1;
