-- A sweep's Parquet in DuckDB (README: "Results in Parquet"): run from the folder that holds results/.
-- 1. Per legitimacy level, over the seeds: runs, the mean share of citizens active with its 95% interval,
--    and the highest peak of actives.
SELECT "params.legitimacy" AS legitimacy,
       count(*) AS runs,
       avg(meanActiveFraction) AS mean_active,
       avg(meanActiveFraction) - 1.96 * stddev_samp(meanActiveFraction) / sqrt(count(*)) AS lo,
       avg(meanActiveFraction) + 1.96 * stddev_samp(meanActiveFraction) / sqrt(count(*)) AS hi,
       max(peakActive) AS peak_active
FROM 'results/legitimacy/runs.parquet'
WHERE error IS NULL
GROUP BY "params.legitimacy"
ORDER BY "params.legitimacy";

-- 2. The time course: actives every 50th step, averaged over the seeds, per legitimacy level. (The series
--    has a column legitimacy of its own, the model's value at each step: group by the parameter's.)
SELECT "params.legitimacy" AS legitimacy,
       step,
       avg(active) AS mean_active
FROM 'results/legitimacy/series.parquet'
WHERE step % 50 = 0
GROUP BY "params.legitimacy", step
ORDER BY "params.legitimacy", step;
