using System.Globalization;
using System.Text;
using ClaimReconcile.Pipeline;
using NodaTime;

namespace ClaimReconcile.Rendering;

/// <summary>
/// Explains one group in full, as plain text: for every claim, the value as stated, the interval or key it was
/// normalized to, how that relates to the consensus, the independent voice (source family or speaker) it counts
/// for, and its source's reliability.
/// </summary>
/// <remarks>Stateless and thread-safe; output is culture-invariant with <c>\n</c> line ends.</remarks>
public static class ExplainText
{
    /// <summary>The reasoning behind one group of a report.</summary>
    /// <param name="report">The report the group belongs to.</param>
    /// <param name="group">The group to explain.</param>
    /// <param name="claims">The claim set the report was made from.</param>
    /// <param name="options">The settings the report was made with; the defaults when omitted.</param>
    /// <param name="clock">The clock the report was made with; the system clock when omitted.</param>
    public static string Render(ReconciliationReport report, ClaimGroup group, ClaimSet claims, ReconcilerOptions? options = null, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(claims);
        options ??= new ReconcilerOptions();

        var validation = Validation.Run(claims);
        var preparation = ClaimPreparation.For(validation, options.Hedges, (clock ?? SystemClock.Instance).GetCurrentInstant());
        var normalizer = preparation.Normalizer;
        var ids = group.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var prepared = validation.Claims.Where(c => ids.Contains(c.Id))
            .Select(c => preparation.Prepare(c.Claim, c.Id, c.Source))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);

        Form? consensus = null;
        if (group.Consensus is { } value)
        {
            var stated = group.Claims.FirstOrDefault(c => !c.Claim.Negated && c.Claim.Value.Equals(value));
            consensus = stated is not null && prepared.TryGetValue(stated.Id, out var match)
                ? match.Form
                : prepared.Values.Select(p => normalizer.Normalize(value, group.Property, p.Source, preparation.AsOf(p), negated: false)).FirstOrDefault();
        }

        var names = ReportWords.SourceNames(report);
        var reliabilities = report.Sources.ToDictionary(s => s.Id, s => s.Reliability, StringComparer.Ordinal);
        var text = new StringBuilder();
        Line(text, $"{ReportWords.Title(group)}  [{group.Subject}{(group.Scope is null ? "" : $", {group.Scope}")}]");
        Line(text, $"verdict     {ReportWords.VerdictName(group.Verdict)}");
        Line(text, $"consensus   {(group.Consensus is null ? "none" : group.Consensus.ToString())}{(consensus is null ? "" : $"  = {Describe(consensus)}")}");
        Line(text, $"confidence  {(group.Confidence is { } c ? ReportWords.Probability(c) : "-")}");
        Line(text, $"voices      {group.IndependentSources} independent: {string.Join(", ", group.Claims.Select(x => x.Voice).Distinct().Order(StringComparer.Ordinal))}");
        Line(text, $"estimator   {report.Estimator}");
        foreach (var claim in group.Claims)
        {
            Line(text, "");
            var source = ReportWords.SourceName(names, claim.Source);
            Line(text, $"{claim.Id}  {ReportWords.StatusName(claim.Status)}, confidence {ReportWords.Probability(claim.Confidence)}");
            Line(text, $"  stated       {ReportWords.Value(claim.Claim)}");
            Line(text, $"  source       {source} [{claim.Source}], reliability {(reliabilities.TryGetValue(claim.Source, out var r) ? ReportWords.Probability(r) : "-")}");
            if (claim.Claim.Speaker is { } speaker)
            {
                Line(text, $"  speaker      {speaker}");
            }

            Line(text, $"  counts as    {claim.Voice}");
            if (prepared.TryGetValue(claim.Id, out var p))
            {
                Line(text, $"  normalized   {Describe(p.Form)}");
                if (consensus is not null)
                {
                    Line(text, $"  vs consensus {RelationText(Relation.Compare(p.Form, consensus), p.Form)}");
                }
            }

            if (claim.Claim.Quote is { } quote)
            {
                Line(text, $"  quote        {quote}");
            }
        }

        Line(text, "");
        Line(text, group.Explanation);
        return text.ToString();
    }

    private static string RelationText(Relation relation, Form form) => relation.Kind switch
    {
        RelationKind.Agree when form is IntervalForm => "agrees (the intervals overlap)",
        RelationKind.Agree => "agrees (the same reading)",
        RelationKind.Partial => $"agrees in part ({ReportWords.Percent(relation.Degree)}% of members shared)",
        RelationKind.Conflict when relation.Gap > 0 && form is IntervalForm i => $"conflicts, {Amount(i.Dimension, relation.Gap)} apart",
        RelationKind.Conflict => "conflicts",
        _ => "cannot be compared",
    };

    /// <summary>A normalized reading in words: an interval with its bounds, a key, or a set of keys.</summary>
    internal static string Describe(Form form) => form switch
    {
        IntervalForm i => $"{(i.LowOpen || double.IsInfinity(i.Low) ? "(" : "[")}{Bound(i.Dimension, i.Low)}, {Bound(i.Dimension, i.High)}{(i.HighOpen || double.IsInfinity(i.High) ? ")" : "]")} ({i.Dimension})",
        KeyForm k => $"{k.Kind} \"{k.Key}\"",
        SetForm s => $"set {{{string.Join(", ", s.Members.Select(m => $"\"{m}\""))}}}",
        _ => form.ToString() ?? "",
    };

    private static string Bound(string dimension, double value)
    {
        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (dimension is ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension)
        {
            // The end of 9999-12-31 (the calendar's edge, an exclusive bound) lies one tick past what an Instant holds.
            var ticks = Math.Round(value * NodaConstants.TicksPerSecond);
            var (min, max) = (Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks());
            // Compared as doubles, which round the edges: anything at or past them is named, not converted.
            return ticks >= max ? "end of 9999"
                : ticks <= min ? "before year -9998"
                : Instant.FromUnixTimeTicks((long)ticks).ToString("uuuu'-'MM'-'dd'T'HH':'mm'Z'", CultureInfo.InvariantCulture);
        }

        return Amount(dimension, value);
    }

    private static string Amount(string dimension, double value) => dimension switch
    {
        Units.Time or ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension when Math.Abs(value) >= 2 * Units.SecondsPerYear =>
            (value / Units.SecondsPerYear).ToString("0.##", CultureInfo.InvariantCulture) + " years",
        Units.Time or ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension when Math.Abs(value) >= 2 * 86_400 =>
            (value / 86_400).ToString("0.##", CultureInfo.InvariantCulture) + " days",
        Units.Time or ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension when Math.Abs(value) >= 3600 =>
            (value / 3600).ToString("0.###", CultureInfo.InvariantCulture) + " h",
        Units.Time or ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension =>
            (value / 60).ToString("0.###", CultureInfo.InvariantCulture) + " min",
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static void Line(StringBuilder text, string line) => text.Append(line.TrimEnd()).Append('\n');
}
