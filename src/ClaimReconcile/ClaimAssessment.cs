namespace ClaimReconcile;

/// <summary>One claim as judged within its group.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ClaimAssessment
{
    internal ClaimAssessment(Claim claim, string id, ClaimStatus status, double confidence, string voice)
    {
        Claim = claim;
        Id = id;
        Status = status;
        Confidence = confidence;
        Voice = voice;
    }

    /// <summary>The claim as given; a value or time scope given in words is replaced by what was read (<see cref="ClaimValue.StatedAs"/> keeps the words).</summary>
    public Claim Claim { get; }

    /// <summary>The claim id (given, or <c>&lt;source&gt;#&lt;index&gt;</c>).</summary>
    public string Id { get; }

    /// <summary>The source id.</summary>
    public string Source => Claim.Source;

    /// <summary>How the claim fares.</summary>
    public ClaimStatus Status { get; }

    /// <summary>The probability that the claim is true, 0–1.</summary>
    public double Confidence { get; }

    /// <summary>
    /// The independent voice the claim counts for: <c>speaker:&lt;id&gt;</c> for a quote, else the family of
    /// sources sharing an upstream, named after its ordinally smallest member (<c>source:afp</c> for two papers
    /// that both copy AFP).
    /// </summary>
    public string Voice { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Source}] {Claim.Value}: {Status.ToString().ToLowerInvariant()}";
}
