using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>How reliable one source has proven in this reconciliation.</summary>
/// <remarks>Immutable.</remarks>
public sealed class SourceAssessment
{
    internal SourceAssessment(string id, string? name, double reliability, int claims, ImmutableArray<string> dependsOn,
        ImmutableArray<SourceDependence> detectedDependence = default)
    {
        DetectedDependence = detectedDependence.IsDefault ? [] : detectedDependence;
        Id = id;
        Name = name;
        Reliability = reliability;
        Claims = claims;
        DependsOn = dependsOn;
    }

    /// <summary>The source id.</summary>
    public string Id { get; }

    /// <summary>The source's display name.</summary>
    public string? Name { get; }

    /// <summary>The estimated probability that a claim of this source is true, 0–1.</summary>
    public double Reliability { get; }

    /// <summary>How many of its claims were reconciled.</summary>
    public int Claims { get; }

    /// <summary>The upstream sources it depends on, declared with <c>derivedFrom</c>.</summary>
    public ImmutableArray<string> DependsOn { get; }

    /// <summary>The source as declared in the claim set (kind, url, publication), for renderers that cite it.</summary>
    public Source? Source { get; internal init; }

    /// <summary>
    /// Sources it was judged to depend on (or that depend on it) from shared values, beyond what it declares, ordered
    /// by id; they count once from then on in the estimate. Empty unless the estimator detects copying.
    /// </summary>
    public ImmutableArray<SourceDependence> DetectedDependence { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: reliability {Reliability:0.00} over {Claims} claims";
}
