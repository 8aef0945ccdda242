-- The six baseline measures of every declared dyad in every period, in set-based SQL (DuckDB).
-- Tables: evidence(kind, a, b, first_day, last_day, is_span, confidence, type, value): the dyadic items, days as
--         day numbers; ancestors(actor, ancestor): every actor with itself and each of its ancestors;
--         periods(t, start_day, end_day, year_days): the grid, t = 0, 1, …, year_days the days (365 or 366) of the
--         period's calendar year; dyads(d, patron, client).
-- {placeholders} are the options' windows (in periods, minus one) and constants, filled in before running.
WITH
needed AS (
    SELECT patron AS src, client AS dst FROM dyads
    UNION
    SELECT client, patron FROM dyads
),
rolled AS (
    -- an item counts for every pair of its actors' ancestors-or-self that are not one inside the other
    SELECT x.ancestor AS src, y.ancestor AS dst, e.kind, e.type, e.first_day, e.last_day, e.is_span, e.confidence, e.value
    FROM evidence e
    JOIN ancestors x ON x.actor = e.a
    JOIN ancestors y ON y.actor = e.b
    WHERE EXISTS (SELECT 1 FROM needed n WHERE n.src = x.ancestor AND n.dst = y.ancestor)
      AND NOT EXISTS (SELECT 1 FROM ancestors r WHERE r.actor = x.ancestor AND r.ancestor = y.ancestor)
      AND NOT EXISTS (SELECT 1 FROM ancestors r WHERE r.actor = y.ancestor AND r.ancestor = x.ancestor)
),
cells AS (
    -- each item spread over the periods it touches: a point by days, a span as a yearly rate (days over the year's days)
    SELECT r.src, r.dst, p.t, r.kind, r.type,
           CASE r.confidence WHEN 0 THEN {confirmed} WHEN 1 THEN {reported} ELSE {alleged} END * r.value
           * (LEAST(r.last_day, p.end_day) - GREATEST(r.first_day, p.start_day) + 1)::DOUBLE
           / CASE WHEN r.is_span THEN p.year_days ELSE r.last_day - r.first_day + 1 END AS w
    FROM rolled r
    JOIN periods p ON p.start_day <= r.last_day AND p.end_day >= r.first_day
),
totals AS (
    SELECT src, dst, t,
           count(*) AS activity,
           sum(CASE WHEN kind = 0 THEN w ELSE 0 END) AS support,
           count(CASE WHEN kind = 0 THEN 1 END) AS n_support,
           sum(CASE WHEN kind = 1 THEN w ELSE 0 END) AS coercion,
           sum(CASE WHEN kind = 2 THEN w ELSE 0 END) AS demand_w,
           sum(CASE WHEN kind = 2 THEN w * CASE type WHEN 0 THEN 1 WHEN 1 THEN {partialCredit} ELSE 0 END ELSE 0 END) AS demand_met,
           sum(CASE WHEN kind = 2 AND type IN (2, 3) THEN w ELSE 0 END) AS defied,
           count(CASE WHEN kind = 2 THEN 1 END) AS n_demand,
           sum(CASE WHEN kind = 5 THEN w ELSE 0 END) AS presence,
           sum(CASE WHEN kind = 7 THEN w ELSE 0 END) AS commit_w,
           sum(CASE WHEN kind = 7 THEN w * CASE type WHEN 0 THEN {treaty} WHEN 1 THEN {agreement} WHEN 2 THEN {pledge} ELSE {private} END ELSE 0 END) AS commit_f,
           count(CASE WHEN kind = 7 THEN 1 END) AS n_commit
    FROM cells
    GROUP BY src, dst, t
),
grid AS (
    -- every dyad in every period, with the totals of both directions
    SELECT d.d, p.t,
           coalesce(f.support, 0) AS s_pc, coalesce(b.support, 0) AS s_cp,
           coalesce(f.n_support, 0) AS inputs,
           coalesce(f.n_support, 0) + coalesce(b.n_support, 0) AS flows,
           coalesce(f.activity, 0) + coalesce(b.activity, 0) AS activity,
           coalesce(f.coercion, 0) AS k_pc, coalesce(b.coercion, 0) AS k_cp, coalesce(f.defied, 0) AS defied,
           coalesce(f.demand_w, 0) AS demand_w, coalesce(f.demand_met, 0) AS demand_met, coalesce(f.n_demand, 0) AS n_demand,
           coalesce(f.presence, 0) AS presence,
           coalesce(f.n_commit, 0) + coalesce(b.n_commit, 0) AS n_commit,
           coalesce(f.commit_w, 0) + coalesce(b.commit_w, 0) AS commit_w,
           coalesce(f.commit_f, 0) + coalesce(b.commit_f, 0) AS commit_f
    FROM dyads d
    CROSS JOIN periods p
    LEFT JOIN totals f ON f.src = d.patron AND f.dst = d.client AND f.t = p.t
    LEFT JOIN totals b ON b.src = d.client AND b.dst = d.patron AND b.t = p.t
),
dated AS (
    -- the patron's first input: the variability window starts no earlier; whether the continuity step ending at t
    -- holds a flow
    SELECT *, min(CASE WHEN inputs > 0 THEN t END) OVER (PARTITION BY d) AS first_input,
           sum(flows) OVER (PARTITION BY d ORDER BY t ROWS BETWEEN {stepPreceding} PRECEDING AND CURRENT ROW) AS step_flows,
           sum(s_pc) OVER (PARTITION BY d ORDER BY t ROWS BETWEEN {inputStepPreceding} PRECEDING AND CURRENT ROW) AS step_input
    FROM grid
),
windowed AS (
    SELECT d, t, s_pc, s_cp, activity, presence, n_commit, commit_w, commit_f,
           sum(s_pc) OVER volume AS s_pc_v,
           sum(s_cp) OVER volume AS s_cp_v,
           sum(presence) OVER presence_window AS presence_w,
           sum(activity) OVER presence_window AS presence_activity_w,
           sum(s_pc) OVER reciprocity AS given,
           sum(s_cp) OVER reciprocity AS back,
           sum(flows) OVER reciprocity AS flows_w,
           sum(k_pc) OVER conflict AS k_pc_w,
           sum(k_cp) OVER conflict AS k_cp_w,
           sum(defied) OVER conflict AS defied_w,
           sum(activity) OVER conflict AS activity_w,
           sum(CASE WHEN t >= first_input THEN step_input END) OVER input_steps AS input_sum,
           count(CASE WHEN t >= first_input THEN 1 END) OVER input_steps AS input_n,
           stddev_pop(CASE WHEN t >= first_input THEN step_input END) OVER input_steps AS input_sd,
           min(CASE WHEN flows > 0 THEN t END) OVER (PARTITION BY d) AS first_exchange,
           sum(CASE WHEN step_flows > 0 THEN 1 ELSE 0 END) OVER steps AS active,
           sum(demand_w) OVER compliance AS demand_w_w,
           sum(demand_met) OVER compliance AS demand_met_w,
           sum(n_demand) OVER compliance AS n_demand_w
    FROM dated
    WINDOW volume AS (PARTITION BY d ORDER BY t ROWS BETWEEN {volumePreceding} PRECEDING AND CURRENT ROW),
           presence_window AS (PARTITION BY d ORDER BY t ROWS BETWEEN {presencePreceding} PRECEDING AND CURRENT ROW),
           reciprocity AS (PARTITION BY d ORDER BY t ROWS BETWEEN {reciprocityPreceding} PRECEDING AND CURRENT ROW),
           conflict AS (PARTITION BY d ORDER BY t ROWS BETWEEN {conflictPreceding} PRECEDING AND CURRENT ROW),
           input_steps AS (PARTITION BY d, t % {inputStepLength} ORDER BY t ROWS BETWEEN {inputStepsPreceding} PRECEDING AND CURRENT ROW),
           steps AS (PARTITION BY d, t % {stepLength} ORDER BY t ROWS BETWEEN {stepsPreceding} PRECEDING AND CURRENT ROW),
           compliance AS (PARTITION BY d ORDER BY t ROWS BETWEEN {compliancePreceding} PRECEDING AND CURRENT ROW)
),
parts AS (
    SELECT *,
           CASE WHEN n_commit > 0 AND commit_w > 0 THEN greatest(0, least(1, 1 - commit_f / commit_w)) END AS informality,
           CASE WHEN input_n >= 2 AND input_sum > 0 THEN input_sd / (input_sum / input_n) END AS cv
    FROM windowed
)
SELECT d, t,
       CASE WHEN flows_w > 0 THEN (1 - exp(-(s_pc_v + s_cp_v) / {volumeScale}))
            * CASE WHEN given + back > 0 THEN 2 * least(given, back) / (given + back) ELSE 0 END END AS exchange,
       CASE WHEN activity_w > 0 THEN 1 - exp(-(k_pc_w + k_cp_w + {defianceWeight} * defied_w) / {conflictScale}) END AS conflict,
       CASE WHEN informality IS NOT NULL AND cv IS NOT NULL THEN {informalityWeight} * informality + (1 - {informalityWeight}) * (cv / (1 + cv))
            ELSE coalesce(informality, cv / (1 + cv)) END AS diffuse_obligation,
       CASE WHEN first_exchange <= t THEN (1 - exp(-((t - first_exchange + 1)::DOUBLE / {periodsPerYear}) / {durationScale}))
            * active::DOUBLE / ((least({continuityLength}, t - first_exchange + 1) + {stepLength} - 1) // {stepLength}) END AS endurance,
       CASE WHEN n_demand_w > 0 AND demand_w_w > 0 THEN demand_met_w / demand_w_w END AS compliance,
       CASE WHEN presence_activity_w > 0 THEN 1 - exp(-presence_w / {presenceScale}) END AS presence
FROM parts
WHERE t >= {firstScored}
ORDER BY d, t
