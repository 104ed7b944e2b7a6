namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// Remembers what words were read as, for one reconciliation: claim sets repeat the same phrases ("am
/// Dienstagabend", "fast fünf Stunden") from the same sources, and the values read are immutable, so a phrase is
/// read once per context. Not thread-safe; one instance per run.
/// </summary>
internal sealed class TextFormCache
{
    private readonly Dictionary<(WordedValue Words, TimeContext Context), (ClaimValue? Value, string? Problem)> _read = [];

    public (ClaimValue? Value, string? Problem) Read(WordedValue worded, TimeContext context)
    {
        // Numbers and durations do not depend on the publication date, only on the language.
        var key = worded.Kind == TimeText.DateKind ? context : new TimeContext(null, NodaTime.DateTimeZone.Utc, context.Language, false);
        if (_read.TryGetValue((worded, key), out var known))
        {
            return known;
        }

        string? problem;
        ClaimValue? value = worded.Kind switch
        {
            QuantityText.NumberKind => QuantityText.ReadNumber(worded.Words, worded.Unit, context.Language, worded.Hedge, out problem),
            QuantityText.DurationKind => QuantityText.ReadDuration(worded.Words, context.Language, worded.Hedge, out problem),
            _ => TimeText.Read(worded.Words, context, worded.Hedge, out problem),
        };
        _read[(worded, key)] = (value, problem);
        return (value, problem);
    }
}
