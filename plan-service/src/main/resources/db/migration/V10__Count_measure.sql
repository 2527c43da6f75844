-- A count of the decision is measured by how it combines over time (statistics-rules OverTime): a flow summed over the
-- years, a stock at its latest level. "Cumulative" named the flow's rule only, so the measure is now COUNT.
UPDATE national_goal SET measure = 'COUNT' WHERE measure = 'CUMULATIVE_COUNT';
