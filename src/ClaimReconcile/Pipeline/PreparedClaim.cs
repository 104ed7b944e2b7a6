namespace ClaimReconcile.Pipeline;

internal enum ScopeKind
{
    None,
    Event,
    When,
    AsOf,
}

/// <summary>A claim that passed validation, with everything the later stages need.</summary>
/// <remarks>
/// A run holds one of these per claim until its report is done, so its size counts a million times over (and the
/// garbage collector copies it twice on the way to the oldest generation). What most claims have (keys, voice, form)
/// is a field; what few have (a scope, a quoted speaker, an id made from its position) lives in a <see cref="Rare"/>
/// part made only for them.
/// </remarks>
internal sealed class PreparedClaim
{
    private static readonly Form Unset = new KeyForm("", "");

    /// <summary>The scope, speaker or position-made id of a claim that has one; <see langword="null"/> for most claims.</summary>
    private Rare? _rare;

    public PreparedClaim(Claim claim, string id, Source source)
    {
        Claim = claim;
        Source = source;

        // Most claims carry their id: only an id made from the claim's position needs a place of its own.
        if (!string.Equals(id, claim.Id, StringComparison.Ordinal))
        {
            Parts.Id = id;
        }
    }

    public Claim Claim { get; }

    public string Id => _rare?.Id ?? Claim.Id!;

    public Source Source { get; }

    public string SubjectKey { get; set; } = "";

    public string PropertyKey { get; set; } = "";

    /// <summary>The normalized value; the preparation sets it (one shared placeholder until then, not one per claim).</summary>
    public Form Form { get; set; } = Unset;

    public string Voice { get; set; } = "";

    public ScopeKind ScopeKind
    {
        get => _rare?.ScopeKind ?? ScopeKind.None;
        set => Keep(value == ScopeKind.None, value, static (rare, v) => rare.ScopeKind = v);
    }

    public string? ScopeKey
    {
        get => _rare?.ScopeKey;
        set => Keep(value is null, value, static (rare, v) => rare.ScopeKey = v);
    }

    /// <summary>The time window of an event or <c>when</c> scope, in Unix seconds [low, high).</summary>
    public (double Low, double High)? Window
    {
        get => _rare?.Window;
        set => Keep(value is null, value, static (rare, v) => rare.Window = v);
    }

    /// <summary>The key of the speaker a source quotes, if it quotes one.</summary>
    public string? SpeakerKey
    {
        get => _rare?.SpeakerKey;
        set => Keep(value is null, value, static (rare, v) => rare.SpeakerKey = v);
    }

    /// <summary>The rare parts, made on the first value that is not the default.</summary>
    private Rare Parts => _rare ??= new Rare();

    /// <summary>Stores a rare part: a default value needs no side object, unless the claim has one already.</summary>
    private void Keep<T>(bool isDefault, T value, Action<Rare, T> store)
    {
        if (!isDefault || _rare is not null)
        {
            store(Parts, value);
        }
    }

    private sealed class Rare
    {
        public string? Id { get; set; }

        public ScopeKind ScopeKind { get; set; }

        public string? ScopeKey { get; set; }

        public (double Low, double High)? Window { get; set; }

        public string? SpeakerKey { get; set; }
    }
}
