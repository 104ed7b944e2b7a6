namespace ClaimReconcile;

/// <summary>A problem with the input, located and explained. Codes are stable and listed in <see cref="IssueCodes"/>.</summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Code">A stable code such as <c>unknown-source</c>.</param>
/// <param name="Path">Where the problem is: a JSON path (<c>$.claims[7].source</c>), a CSV line, or a builder position.</param>
/// <param name="Message">What is wrong and what to do, for a person.</param>
/// <param name="Claim">The id of the claim concerned, if any.</param>
/// <param name="Severity">Whether the claim was left out (<see cref="IssueSeverity.Error"/>) or kept.</param>
public sealed record ReconciliationIssue(string Code, string Path, string Message, string? Claim = null, IssueSeverity Severity = IssueSeverity.Error)
{
    /// <summary>The issue as one line: <c>error unknown-source at $.claims[7].source (claim bild-7): …</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == IssueSeverity.Error ? "error" : "warning";
        var claim = Claim is null ? "" : $" (claim {Claim})";
        return $"{severity} {Code} at {Path}{claim}: {Message}";
    }
}
