namespace ClaimReconcile;

/// <summary>What the sources of one group say together. The default value is <see cref="SingleSource"/>.</summary>
public enum Verdict
{
    /// <summary>Only one independent voice speaks to the question.</summary>
    SingleSource = 0,

    /// <summary>Two or more independent voices, and every claim is compatible with the consensus.</summary>
    Agreement,

    /// <summary>Two or more independent voices, and at least one claim contradicts the consensus (or there is none).</summary>
    Conflict,
}
