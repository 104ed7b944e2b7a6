namespace ClaimReconcile;

/// <summary>How bad a <see cref="ReconciliationIssue"/> is. The default value is <see cref="Error"/>.</summary>
public enum IssueSeverity
{
    /// <summary>The claim (or the part named) was left out of the reconciliation.</summary>
    Error = 0,

    /// <summary>Something was off but the claim was still reconciled, possibly with a fallback.</summary>
    Warning,
}
