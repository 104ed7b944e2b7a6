namespace ClaimReconcile.Pipeline;

internal enum RelationKind
{
    Agree,
    Partial,
    Conflict,
    Incomparable,
}

/// <summary>How two normalized values relate; <see cref="Degree"/> is the share of agreement, <see cref="Gap"/> the distance of disjoint intervals.</summary>
internal readonly record struct Relation(RelationKind Kind, double Degree, double Gap)
{
    public static Relation Agree { get; } = new(RelationKind.Agree, 1, 0);

    public static Relation Incomparable { get; } = new(RelationKind.Incomparable, 0, 0);

    public static Relation Compare(Form a, Form b) => (a, b) switch
    {
        (IntervalForm x, IntervalForm y) when x.Dimension == y.Dimension => CompareIntervals(x, y),
        (KeyForm x, KeyForm y) when x.Kind == y.Kind => x.Key == y.Key ? Agree : new(RelationKind.Conflict, 0, 0),
        (SetForm x, SetForm y) => CompareSets(x, y),
        _ => Incomparable,
    };

    private static Relation CompareIntervals(IntervalForm a, IntervalForm b)
    {
        var low = Math.Max(a.Low, b.Low);
        var high = Math.Min(a.High, b.High);
        if (low < high)
        {
            return Agree;
        }

        if (low == high)
        {
            // The intervals touch at one point: they agree only if both include it.
            return Contains(a, low) && Contains(b, low) ? Agree : new(RelationKind.Conflict, 0, 0);
        }

        return new(RelationKind.Conflict, 0, low - high);
    }

    private static bool Contains(IntervalForm x, double point) =>
        (point > x.Low || (point == x.Low && !x.LowOpen)) && (point < x.High || (point == x.High && !x.HighOpen));

    private static Relation CompareSets(SetForm a, SetForm b)
    {
        var common = CountCommon(a.Members, b.Members);
        if (common == a.Members.Length && common == b.Members.Length)
        {
            return Agree;
        }

        var union = a.Members.Length + b.Members.Length - common;
        return common == 0 ? new(RelationKind.Conflict, 0, 0) : new(RelationKind.Partial, (double)common / union, 0);
    }

    /// <summary>How many members two sets share: both are sorted ordinally and distinct, so one merging pass counts them without a hash set.</summary>
    private static int CountCommon(string[] a, string[] b)
    {
        var (i, j, common) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            common += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return common;
    }
}
