namespace ClaimReconcile.Serialization;

/// <summary>
/// Limits that keep reading a claim set safe on hostile input: the size of the input, the number of claims, the
/// length of one string and the nesting depth. Input beyond a limit is reported with an issue code and a location,
/// never thrown. The defaults and the reasons for them are in <c>docs/limits.md</c>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; set the limits with an object initializer
/// (<c>new ClaimSetReadOptions { MaxClaims = 10_000 }</c>). Equality is reference equality. Every limit must be
/// positive; <see cref="ClaimSetJson"/> checks that when it is given the options.
/// </remarks>
public sealed class ClaimSetReadOptions
{
    /// <summary>The default limits.</summary>
    public static ClaimSetReadOptions Default { get; } = new();

    /// <summary>
    /// The largest input read, in bytes (default 1 GiB). A longer input fails the whole read with
    /// <see cref="IssueCodes.InputTooLarge"/> as soon as the limit is passed.
    /// </summary>
    public long MaxInputBytes { get; init; } = 1L << 30;

    /// <summary>
    /// The most claims read (default 5,000,000). A claim set with more fails the whole read with
    /// <see cref="IssueCodes.TooManyClaims"/> at the first claim beyond the limit.
    /// </summary>
    public int MaxClaims { get; init; } = 5_000_000;

    /// <summary>
    /// The longest string of a source, entity, event or claim, in UTF-8 bytes as written in the file, escapes
    /// included (default 65,536). An item holding a longer string is left out with <see cref="IssueCodes.StringTooLong"/>.
    /// </summary>
    public int MaxStringLength { get; init; } = 65_536;

    /// <summary>
    /// The deepest nesting of objects and arrays, the outer object being depth 1 (default 64; a valid claim set needs 5).
    /// Deeper input fails the whole read with <see cref="IssueCodes.TooDeep"/>.
    /// </summary>
    public int MaxDepth { get; init; } = 64;

    internal void Validate()
    {
        var errors = new List<string>();
        if (MaxInputBytes <= 0)
        {
            errors.Add($"{nameof(MaxInputBytes)} must be positive; it is {MaxInputBytes}.");
        }

        if (MaxClaims <= 0)
        {
            errors.Add($"{nameof(MaxClaims)} must be positive; it is {MaxClaims}.");
        }

        if (MaxStringLength <= 0)
        {
            errors.Add($"{nameof(MaxStringLength)} must be positive; it is {MaxStringLength}.");
        }

        if (MaxDepth is <= 0 or > 1000)
        {
            errors.Add($"{nameof(MaxDepth)} must be between 1 and 1000; it is {MaxDepth}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid claim-set read options: " + string.Join(" ", errors), "options");
        }
    }
}
