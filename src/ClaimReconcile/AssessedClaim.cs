namespace ClaimReconcile;

/// <summary>What a <see cref="ClaimAssessment"/> holds, read from a group without making one (<see cref="ClaimGroup.ClaimAt"/>).</summary>
internal readonly record struct AssessedClaim(Claim Claim, string Id, ClaimStatus Status, double Confidence, string Voice);
