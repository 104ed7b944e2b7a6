namespace ClaimReconcile.Pipeline;

internal enum ScopeKind
{
    None,
    Event,
    When,
    AsOf,
}

/// <summary>A claim that passed validation, with everything the later stages need: a row of its validation's table.</summary>
/// <remarks>
/// A run holds one of these per claim until its report is done. They are not objects of their own: a validation keeps
/// its claims' rows in one array, which the garbage collector neither copies nor walks object by object, and a prepared
/// claim is the array and a position in it (so copies of it read and write the same row, and two are equal when they
/// name the same row). What most claims have (keys, voice, form) is a field of the row; what few have (a scope, a
/// quoted speaker, an id made from its position) lives in a <see cref="Rare"/> part made only for them.
/// </remarks>
internal readonly struct PreparedClaim : IEquatable<PreparedClaim>
{
    private static readonly Form Unset = new KeyForm("", "");

    private readonly Row[] _rows;
    private readonly int _at;

    /// <summary>A claim in a table of its own (a claim prepared alone, as an explanation prepares its group's).</summary>
    public PreparedClaim(Claim claim, string id, Source source)
        : this(new Row[1], 0)
    {
        Fill(_rows, 0, claim, id, source);
    }

    private PreparedClaim(Row[] rows, int at) => (_rows, _at) = (rows, at);

    public Claim Claim => Here.Claim;

    public string Id => Here.Rare?.Id ?? Here.Claim.Id!;

    public Source Source => Here.Source;

    public string SubjectKey
    {
        get => Here.SubjectKey;
        set => Here.SubjectKey = value;
    }

    public string PropertyKey
    {
        get => Here.PropertyKey;
        set => Here.PropertyKey = value;
    }

    /// <summary>The normalized value; the preparation sets it (one shared placeholder until then).</summary>
    public Form Form
    {
        get => Here.Form;
        set => Here.Form = value;
    }

    public string Voice
    {
        get => Here.Voice;
        set => Here.Voice = value;
    }

    public ScopeKind ScopeKind
    {
        get => Here.Rare?.ScopeKind ?? ScopeKind.None;
        set => Keep(value == ScopeKind.None, value, static (rare, v) => rare.ScopeKind = v);
    }

    public string? ScopeKey
    {
        get => Here.Rare?.ScopeKey;
        set => Keep(value is null, value, static (rare, v) => rare.ScopeKey = v);
    }

    /// <summary>The time window of an event or <c>when</c> scope, in Unix seconds [low, high).</summary>
    public (double Low, double High)? Window
    {
        get => Here.Rare?.Window;
        set => Keep(value is null, value, static (rare, v) => rare.Window = v);
    }

    /// <summary>The key of the speaker a source quotes, if it quotes one.</summary>
    public string? SpeakerKey
    {
        get => Here.Rare?.SpeakerKey;
        set => Keep(value is null, value, static (rare, v) => rare.SpeakerKey = v);
    }

    private ref Row Here => ref _rows[_at];

    /// <summary>A table of <paramref name="length"/> empty rows, for one validation's claims by input position.</summary>
    public static Row[] Table(int length) => new Row[length];

    /// <summary>Starts row <paramref name="at"/> of <paramref name="rows"/> with a claim, and returns the prepared claim it is.</summary>
    public static PreparedClaim Fill(Row[] rows, int at, Claim claim, string id, Source source)
    {
        ref var row = ref rows[at];
        row = new Row
        {
            Claim = claim,
            Source = source,
            SubjectKey = "",
            PropertyKey = "",
            Form = Unset,
            Voice = "",

            // Most claims carry their id: only an id made from the claim's position needs a place of its own.
            Rare = string.Equals(id, claim.Id, StringComparison.Ordinal) ? null : new Rare { Id = id },
        };
        return new PreparedClaim(rows, at);
    }

    /// <summary>The prepared claim in row <paramref name="at"/>, which <see cref="Fill"/> started.</summary>
    public static PreparedClaim At(Row[] rows, int at) => new(rows, at);

    public bool Equals(PreparedClaim other) => ReferenceEquals(_rows, other._rows) && _at == other._at;

    public override bool Equals(object? obj) => obj is PreparedClaim other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_rows, _at);

    /// <summary>Stores a rare part: a default value needs no side object, unless the claim has one already.</summary>
    private void Keep<T>(bool isDefault, T value, Action<Rare, T> store)
    {
        ref var row = ref Here;
        if (!isDefault || row.Rare is not null)
        {
            store(row.Rare ??= new Rare(), value);
        }
    }

    /// <summary>What a prepared claim holds; the empty row of a claim that did not pass has no <see cref="Claim"/>.</summary>
    internal struct Row
    {
        public Claim Claim;
        public Source Source;
        public string SubjectKey;
        public string PropertyKey;
        public Form Form;
        public string Voice;

        /// <summary>The scope, speaker or position-made id of a claim that has one; <see langword="null"/> for most claims.</summary>
        public Rare? Rare;
    }

    internal sealed class Rare
    {
        public string? Id { get; set; }

        public ScopeKind ScopeKind { get; set; }

        public string? ScopeKey { get; set; }

        public (double Low, double High)? Window { get; set; }

        public string? SpeakerKey { get; set; }
    }
}
