/**
 * A scorecard: every scenario of a pack played against one or more systems under test, each cell the run's
 * verdict with the evidence behind it ({@link dev.brownout.reports.scorecard.Scorecard}), written as
 * {@code scorecard.json} ({@link dev.brownout.reports.scorecard.Scorecards}, validated by
 * {@link dev.brownout.reports.scorecard.ScorecardSchema}), {@code scorecard.md}
 * ({@link dev.brownout.reports.scorecard.ScorecardMarkdown}) and a self-contained {@code scorecard.html}
 * ({@link dev.brownout.reports.scorecard.ScorecardHtml}).
 * <p>
 * It renders from the cells' verdicts ({@code dev.brownout.reports.Verdict}) and checks
 * ({@code dev.brownout.reports.CheckLevel}); the harness fills it from each cell's run folder.
 * <p>
 * Public API.
 */
package dev.brownout.reports.scorecard;
