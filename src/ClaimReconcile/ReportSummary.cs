namespace ClaimReconcile;

/// <summary>Counts over a <see cref="ReconciliationReport"/>: every input claim is counted, grouped or not.</summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Claims">Input claims, including those left out with an issue.</param>
/// <param name="Groups">Groups formed.</param>
/// <param name="Agreements">Groups whose verdict is agreement.</param>
/// <param name="Conflicts">Groups whose verdict is conflict.</param>
/// <param name="SingleSource">Groups with a single independent voice.</param>
/// <param name="Issues">Issues reported.</param>
/// <param name="GroupedClaims">Claims placed in a group.</param>
/// <param name="RejectedClaims">Claims left out of every group, each named by an issue.</param>
public sealed record ReportSummary(int Claims, int Groups, int Agreements, int Conflicts, int SingleSource, int Issues, int GroupedClaims, int RejectedClaims);
