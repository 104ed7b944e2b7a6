using NodaTime;

namespace ClaimReconcile.Pipeline;

internal enum ScopeKind
{
    None,
    Event,
    When,
    AsOf,
}

/// <summary>A claim that passed validation, with everything the later stages need.</summary>
internal sealed class PreparedClaim(Claim claim, string id, Source source)
{
    private static readonly Form Unset = new KeyForm("", "");

    public Claim Claim { get; } = claim;

    public string Id { get; } = id;

    public Source Source { get; } = source;

    public string SubjectKey { get; set; } = "";

    public string PropertyKey { get; set; } = "";

    /// <summary>The normalized value; the preparation sets it (one shared placeholder until then, not one per claim).</summary>
    public Form Form { get; set; } = Unset;

    public ScopeKind ScopeKind { get; set; }

    public string? ScopeKey { get; set; }

    /// <summary>The time window of an event or <c>when</c> scope, in Unix seconds [low, high).</summary>
    public (double Low, double High)? Window { get; set; }

    public LocalDate? AsOf { get; set; }

    public string Voice { get; set; } = "";

    public string? SpeakerKey { get; set; }
}
