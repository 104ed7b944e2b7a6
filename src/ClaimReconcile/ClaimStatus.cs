namespace ClaimReconcile;

/// <summary>How one claim fares in its group. The default value is <see cref="Uncorroborated"/>.</summary>
public enum ClaimStatus
{
    /// <summary>No other independent voice speaks to the question.</summary>
    Uncorroborated = 0,

    /// <summary>The claim is compatible with the consensus.</summary>
    Supported,

    /// <summary>The claim is incompatible with the consensus, or with another voice where there is no consensus.</summary>
    Contradicted,
}
