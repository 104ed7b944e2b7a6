using System.Text.RegularExpressions;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests.Hostile;

/// <summary>
/// The accounting guarantee of DESIGN.md, checked claim by claim: every claim of the input is in exactly one group,
/// or is named by at least one error issue at its path, and the summary counts agree with both.
/// </summary>
internal static partial class Conservation
{
    /// <summary>Null when every claim is accounted for; otherwise what is wrong.</summary>
    public static string? Violation(ClaimSetReadResult read, ReconciliationReport report)
    {
        if (!read.Succeeded)
        {
            // Nothing was read: the one fatal issue stands for the whole input.
            return report.Summary.Claims == 0 && report.Groups.IsEmpty && read.Issues.Length == 1 && report.Issues.SequenceEqual(read.Issues)
                ? null
                : "A failed read must give an empty report with its one fatal issue.";
        }

        var kept = read.ClaimSet.Claims;
        var errorPaths = report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Path).ToList();
        var violation = Violation(kept, report, errorPaths, read.RejectedClaims);
        if (violation is not null)
        {
            return violation;
        }

        // Claims the reader left out are not in the claim set: each must be named by an error at its own index.
        var keptPaths = kept.Select((c, i) => c.Location ?? $"$.claims[{i}]").ToHashSet(StringComparer.Ordinal);
        var rejectedIndexes = errorPaths.Select(p => ClaimIndex().Match(p)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Where(index => !keptPaths.Contains($"$.claims[{index}]")).Distinct(StringComparer.Ordinal).Count();
        return rejectedIndexes == read.RejectedClaims
            ? null
            : $"The reader rejected {read.RejectedClaims} claims but errors name {rejectedIndexes} claim positions outside the kept claims.";
    }

    /// <summary>Null when every claim of an in-memory claim set is accounted for; otherwise what is wrong.</summary>
    public static string? Violation(ClaimSet set, ReconciliationReport report) =>
        Violation(set.Claims, report, report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Path).ToList(), 0);

    private static string? Violation(IReadOnlyList<Claim> claims, ReconciliationReport report, List<string> errorPaths, int rejectedByReader)
    {
        var s = report.Summary;
        if (s.Claims != claims.Count + rejectedByReader)
        {
            return $"The summary counts {s.Claims} claims; the input has {claims.Count + rejectedByReader}.";
        }

        if (s.GroupedClaims + s.RejectedClaims != s.Claims)
        {
            return $"{s.GroupedClaims} grouped + {s.RejectedClaims} rejected != {s.Claims} claims.";
        }

        var named = errorPaths.Select(p => ClaimIndex().Match(p)).Where(m => m.Success).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var placed = new Dictionary<Claim, int>(ReferenceEqualityComparer.Instance);
        foreach (var assessment in report.Groups.SelectMany(g => g.Claims))
        {
            // A claim whose words were read into values is reported as a derived copy; count its input.
            var input = assessment.Claim.Input ?? assessment.Claim;
            placed[input] = placed.GetValueOrDefault(input) + 1;
        }

        if (placed.Values.Sum() != s.GroupedClaims)
        {
            return $"Groups hold {placed.Values.Sum()} claims; the summary says {s.GroupedClaims}.";
        }

        for (var i = 0; i < claims.Count; i++)
        {
            var path = claims[i].Location ?? $"$.claims[{i}]";
            var times = placed.GetValueOrDefault(claims[i]);
            var isNamed = named.Contains(path);
            if (times > 1)
            {
                return $"Claim {path} is in {times} groups.";
            }

            if (times == 1 && isNamed)
            {
                return $"Claim {path} is grouped and also named by an error.";
            }

            if (times == 0 && !isNamed)
            {
                return $"Claim {path} is in no group and no error names it: it vanished.";
            }
        }

        var given = claims.ToHashSet(ReferenceEqualityComparer.Instance);
        return placed.Keys.All(given.Contains) ? null : "A group holds a claim that is not in the input.";
    }

    [GeneratedRegex(@"^\$\.claims\[(\d+)\]")]
    private static partial Regex ClaimIndex();

}
