namespace ClaimReconcile.Benchmarks;

/// <summary>
/// The floor every benchmark and the <c>profile</c> command measure against (issue 7): group the claims by subject and
/// property with LINQ and count each group. Defined once, so that every "floors" figure divides by the same work.
/// </summary>
public static class Floor
{
    /// <summary>Groups and counts the claims of <paramref name="set"/>; returns how many groups.</summary>
    public static int Of(ClaimSet set) => set.Claims.GroupBy(c => (c.Subject, c.Property)).Select(g => (g.Key, Count: g.Count())).ToList().Count;
}
