-- The 2025 goal for schools running a productivity club, which the domain reference lists (at least 10, from the
-- national productivity institute's summary, UNVERIFIED against the legal text: `verified` stays false until an admin
-- checks it). A stock, as the 2030 goal: the number of schools at the year's end.
INSERT INTO national_goal (code, target_year, comparator, low, high, unit, description, source, verified, measure,
                           numerator_code, baseline_year)
VALUES ('PRODUCTIVITY_CLUBS', 2025, 'AT_LEAST', 10, NULL, 'universities and vocational schools',
        'Universities and vocational schools with productivity clubs (UNVERIFIED against the legal text).',
        'National Productivity Institute summary of Decision 36/QĐ-TTg', FALSE, 'COUNT',
        'SCHOOLS_WITH_PRODUCTIVITY_CLUBS', 2021);
