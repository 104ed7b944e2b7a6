using NodaTime;

namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// What a time expression is read against: the source's publication date in its time zone (if known), its
/// language, and whether the claim speaks of the future ("soll", "will", "plans").
/// </summary>
internal readonly record struct TimeContext(LocalDate? Anchor, DateTimeZone Zone, string? Language, bool Future);
