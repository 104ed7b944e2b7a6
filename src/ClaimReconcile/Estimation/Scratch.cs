namespace ClaimReconcile.Estimation;

/// <summary>Where the estimators keep a group's scratch space.</summary>
internal static class Scratch
{
    /// <summary>
    /// Up to this many items (a group's claims, voices or values), scratch space lives on the stack; larger groups take
    /// arrays. Groups are small, and a step of an estimate visits every one.
    /// </summary>
    public const int StackLimit = 256;
}
