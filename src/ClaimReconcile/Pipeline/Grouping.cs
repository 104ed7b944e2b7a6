using System.Runtime.InteropServices;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// The scope and group stages: a group is one subject, one property and one scope. Claims scoped to an
/// event group by the event; claims scoped to a time window group with the claims whose windows overlap
/// theirs (and join an event group of the same question whose date overlaps); <c>asOf</c> claims group by
/// date; claims without scope are timeless.
/// </summary>
internal static class Grouping
{
    /// <summary>Below this many claims, grouping and sorting the groups' claims on several threads costs more than it saves.</summary>
    private const int ParallelFrom = ClaimPreparation.ParallelFrom;

    /// <summary>
    /// The groups, ordered by subject, property and scope (ordinally), each with its claims ordered by id. The result
    /// does not depend on the order of <paramref name="prepared"/>, nor on <paramref name="parallelFrom"/>, the number of
    /// claims from which two threads share the work.
    /// </summary>
    public static List<(string Subject, string Property, string? Scope, List<PreparedClaim> Claims)> Build(List<PreparedClaim> prepared, int parallelFrom = ParallelFrom)
    {
        // First each claim's question (subject, property) is found and the questions' claims counted, then each question
        // gets a list of exactly its size: lists grown by doubling would make about twice their size in garbage. With
        // enough claims, two halves of the claims are numbered side by side, the second half's questions are numbered on
        // after the first's, and each half writes its claims into its own part of every list: the questions, their
        // order and their lists come out as one pass in claim order would make them.
        var count = prepared.Count;
        var parallel = count >= parallelFrom;
        var middle = parallel ? count / 2 : count;
        Questions first = null!;
        Questions? second = null;
        if (parallel)
        {
            Parallel.Invoke(() => first = Questions.Of(prepared, 0, middle), () => second = Questions.Of(prepared, middle, count));
        }
        else
        {
            first = Questions.Of(prepared, 0, count);
        }

        // The second half's questions: the first half's number, or the next new one; its claims go after the first half's.
        var numberOf = new int[second?.Keys.Count ?? 0];
        var startOf = new int[numberOf.Length];
        first.Expect(numberOf.Length);
        for (var q = 0; q < numberOf.Length; q++)
        {
            var number = first.Find(second!.Keys[q]);
            startOf[q] = first.Sizes[number];
            first.Sizes[number] += second.Sizes[q];
            first.Scoped[number] |= second.Scoped[q];
            numberOf[q] = number;
        }

        var (keys, sizes, scoped) = (first.Keys, first.Sizes, first.Scoped);
        var lists = new List<PreparedClaim>[keys.Count];
        for (var q = 0; q < lists.Length; q++)
        {
            lists[q] = new List<PreparedClaim>(sizes[q]);
            CollectionsMarshal.SetCount(lists[q], sizes[q]);
        }

        void FillFirst() => first.Fill(prepared, lists, [], new int[keys.Count]);
        if (parallel)
        {
            Parallel.Invoke(FillFirst, () => second!.Fill(prepared, lists, numberOf, startOf));
        }
        else
        {
            FillFirst();
        }

        var result = new List<(string Subject, string Property, string? Scope, List<PreparedClaim> Claims)>(keys.Count);
        for (var q = 0; q < lists.Length; q++)
        {
            var ((subject, property), members) = (keys[q], lists[q]);
            if (!scoped[q])
            {
                result.Add((subject, property, null, members));
                continue;
            }

            foreach (var (scope, inScope) in ByScope(members))
            {
                result.Add((subject, property, scope.Length == 0 ? null : scope, inScope));
            }
        }

        SortIfNeeded(result, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Subject, b.Subject);
            c = c != 0 ? c : string.CompareOrdinal(a.Property, b.Property);
            return c != 0 ? c : string.CompareOrdinal(a.Scope ?? "", b.Scope ?? "");
        });

        // Each group sorts its own claims by id (a pass over them, for a group in order already), so with enough claims
        // the groups are sorted side by side.
        Partitioned.For(result.Count, g => SortIfNeeded(result[g].Claims, static (a, b) => string.CompareOrdinal(a.Id, b.Id)),
            parallelFrom: parallel ? 0 : int.MaxValue, options: Partitioned.OnePerCore);

        return result;
    }

    /// <summary>
    /// The questions (subject, property) of a range of claims, numbered in order of first appearance, with how many claims
    /// each has, whether any of them has a scope, and the question of each claim.
    /// </summary>
    private sealed class Questions
    {
        private readonly Dictionary<(string Subject, string Property), int> _numbers;
        private readonly int[] _questionOf;
        private readonly int _from;

        private Questions(int capacity, int from, int to)
        {
            _numbers = new(capacity);
            (Keys, Sizes, Scoped) = (new(capacity), new(capacity), new(capacity));
            (_questionOf, _from) = (new int[to - from], from);
        }

        public List<(string Subject, string Property)> Keys { get; }

        public List<int> Sizes { get; }

        /// <summary>Whether some claim of the question has a scope: most questions are timeless, and need no sorting out of scopes.</summary>
        public List<bool> Scoped { get; }

        /// <summary>
        /// The questions of claims <paramref name="from"/> to <paramref name="to"/> (exclusive). Claims of a question tend to
        /// come together, so a claim first checks whether it belongs with the one before it and only then looks its
        /// question up. When they do, there are as many runs of claims as questions, and the lookup is made that size at
        /// once; claims in no useful order make nearly as many runs as claims, and then it grows as it goes.
        /// </summary>
        public static Questions Of(List<PreparedClaim> prepared, int from, int to)
        {
            var claims = CollectionsMarshal.AsSpan(prepared)[from..to];
            var runs = 0;
            for (var i = 0; i < claims.Length; i++)
            {
                runs += StartsRun(claims, i) ? 1 : 0;
            }

            var questions = new Questions(runs <= claims.Length / 2 ? runs : 0, from, to);
            var question = -1;
            for (var i = 0; i < claims.Length; i++)
            {
                var claim = claims[i];
                if (StartsRun(claims, i) && !questions._numbers.TryGetValue((claim.SubjectKey, claim.PropertyKey), out question))
                {
                    question = questions.Add((claim.SubjectKey, claim.PropertyKey));
                }

                questions._questionOf[i] = question;
                questions.Sizes[question]++;
                if (claim.ScopeKind == ScopeKind.When || claim.ScopeKey is not null)
                {
                    questions.Scoped[question] = true;
                }
            }

            return questions;
        }

        /// <summary>Makes room for up to <paramref name="more"/> questions more, so that numbering them grows nothing.</summary>
        public void Expect(int more)
        {
            _numbers.EnsureCapacity(Keys.Count + more);
            (Keys.Capacity, Sizes.Capacity, Scoped.Capacity) = (Keys.Count + more, Sizes.Count + more, Scoped.Count + more);
        }

        /// <summary>The number of question <paramref name="key"/>, numbering it next (with no claims yet) if it is new.</summary>
        public int Find((string Subject, string Property) key) => _numbers.TryGetValue(key, out var number) ? number : Add(key);

        /// <summary>
        /// Writes this range's claims into their questions' lists, in claim order: question <c>q</c> here is list
        /// <c>numberOf[q]</c> (or <c>q</c> when <paramref name="numberOf"/> is empty), from position <c>next[q]</c> on.
        /// </summary>
        public void Fill(List<PreparedClaim> prepared, List<PreparedClaim>[] lists, int[] numberOf, int[] next)
        {
            var claims = CollectionsMarshal.AsSpan(prepared)[_from..(_from + _questionOf.Length)];
            for (var i = 0; i < claims.Length; i++)
            {
                var q = _questionOf[i];
                CollectionsMarshal.AsSpan(lists[numberOf.Length == 0 ? q : numberOf[q]])[next[q]++] = claims[i];
            }
        }

        private int Add((string Subject, string Property) key)
        {
            var number = _numbers[key] = Keys.Count;
            Keys.Add(key);
            Sizes.Add(0);
            Scoped.Add(false);
            return number;
        }
    }

    /// <summary>Whether a claim asks another question (subject, property) than the claim before it.</summary>
    private static bool StartsRun(ReadOnlySpan<PreparedClaim> claims, int i) =>
        i == 0 || !string.Equals(claims[i].SubjectKey, claims[i - 1].SubjectKey, StringComparison.Ordinal)
        || !string.Equals(claims[i].PropertyKey, claims[i - 1].PropertyKey, StringComparison.Ordinal);

    /// <summary>Sorts a list unless it is in order already (claim files are often written in order), which costs one pass.</summary>
    private static void SortIfNeeded<T>(List<T> items, Comparison<T> comparison)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (comparison(items[i - 1], items[i]) > 0)
            {
                items.Sort(comparison);
                return;
            }
        }
    }

    /// <summary>The claims of one question by scope key ("" for none): events, dates, and clusters of overlapping windows.</summary>
    private static Dictionary<string, List<PreparedClaim>> ByScope(List<PreparedClaim> question)
    {
        var byScope = new Dictionary<string, List<PreparedClaim>>(StringComparer.Ordinal);
        var windows = new List<PreparedClaim>();
        foreach (var claim in question)
        {
            if (claim.ScopeKind == ScopeKind.When)
            {
                windows.Add(claim);
            }
            else
            {
                Add(byScope, claim.ScopeKey ?? "", claim);
            }
        }

        foreach (var cluster in ClusterWindows(windows))
        {
            var low = cluster.Min(c => c.Window!.Value.Low);
            var high = cluster.Max(c => c.Window!.Value.High);
            var events = question.Where(c => c.ScopeKind == ScopeKind.Event && c.Window is { } w && w.Low < high && low < w.High)
                .Select(c => c.ScopeKey!).Distinct().ToList();
            var key = events.Count == 1 ? events[0] : WindowKey(cluster);
            foreach (var claim in cluster)
            {
                Add(byScope, key, claim);
            }
        }

        return byScope;
    }

    /// <summary>Claims whose windows overlap, directly or through others, form one cluster.</summary>
    private static IEnumerable<List<PreparedClaim>> ClusterWindows(List<PreparedClaim> claims)
    {
        claims.Sort((a, b) => a.Window!.Value.Low != b.Window!.Value.Low
            ? a.Window!.Value.Low.CompareTo(b.Window!.Value.Low)
            : string.CompareOrdinal(a.Id, b.Id));
        List<PreparedClaim>? current = null;
        var reach = double.NegativeInfinity;
        foreach (var claim in claims)
        {
            if (current is null || claim.Window!.Value.Low >= reach)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [];
                reach = double.NegativeInfinity;
            }

            current.Add(claim);
            reach = Math.Max(reach, claim.Window!.Value.High);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static string WindowKey(List<PreparedClaim> cluster)
    {
        var start = cluster.Min(c => c.Claim.Scope!.When!.Start);
        var end = cluster.Max(c => c.Claim.Scope!.When!.End);
        return start == end
            ? $"when:{LocalDatePattern.Iso.Format(start)}"
            : $"when:{LocalDatePattern.Iso.Format(start)}/{LocalDatePattern.Iso.Format(end)}";
    }

    private static void Add(Dictionary<string, List<PreparedClaim>> groups, string key, PreparedClaim claim)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(claim);
    }

    /// <summary>The window of a time value in a zone, as Unix seconds [low, high).</summary>
    public static (double Low, double High) Window(TemporalValue when, DateTimeZone zone)
    {
        if (when.Instant is { } instant)
        {
            var t = ValueNormalizer.Seconds(instant);
            return (t, t + 1);
        }

        // Hours are added as elapsed seconds (as ZonedDateTime.PlusHours does), so that 9999-12-31 still works.
        var low = ValueNormalizer.StartOfDay(zone, when.Start);
        if (when.PartOfDay is { } part)
        {
            var (from, to) = PartOfDayNames.Hours(part);
            return (low + (from * 3_600.0), low + (to * 3_600.0));
        }

        return (low, ValueNormalizer.EndOfDay(zone, when.End));
    }

    /// <summary>
    /// Scope from time: a claim scoped by a time window (and no event) joins the declared event whose date overlaps
    /// the window and among whose participants is the claim's subject, speaker or one of its entity values (or whose
    /// id is the subject). When several events fit, the claim keeps its window and an <c>ambiguous-scope</c> warning
    /// names them.
    /// </summary>
    public static void AttachToEvents(List<PreparedClaim> claims, IReadOnlyDictionary<string, Event> events, EntityResolver resolver, List<ReconciliationIssue> issues)
    {
        var dated = events.Values.Where(e => e.When is not null).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => (Event: e, Key: resolver.Key(e.Id), Participants: e.Participants.Select(resolver.Key).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        if (dated.Count == 0)
        {
            return;
        }

        foreach (var claim in claims)
        {
            if (claim.ScopeKind != ScopeKind.When || claim.Window is not { } window)
            {
                continue;
            }

            var keys = ClaimKeys(claim, resolver);
            var fitting = dated.Where(d => (keys.Contains(d.Key) || keys.Overlaps(d.Participants))
                && Window(d.Event.When!, claim.Source.TimeZone) is var w && w.Low < window.High && window.Low < w.High).ToList();
            if (fitting.Count == 1)
            {
                var chosen = fitting[0].Event;
                claim.ScopeKind = ScopeKind.Event;
                claim.ScopeKey = $"event:{chosen.Id}";
                claim.Window = Window(chosen.When!, claim.Source.TimeZone);
            }
            else if (fitting.Count > 1)
            {
                var names = string.Join(", ", fitting.Select(f => f.Event.Id));
                issues.Add(new(IssueCodes.AmbiguousScope, $"{claim.Claim.Location ?? "$.claims"}.scope.when",
                    $"The time {claim.Claim.Scope!.When} fits several events ({names}); the claim is grouped by its time window, not by an event.",
                    claim.Id, IssueSeverity.Warning));
            }
        }
    }

    private static HashSet<string> ClaimKeys(PreparedClaim claim, EntityResolver resolver)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { claim.SubjectKey };
        if (claim.SpeakerKey is { } speaker)
        {
            keys.Add(speaker);
        }

        switch (claim.Claim.Value)
        {
            case EntityValue entity:
                keys.Add(resolver.Key(entity.Mention));
                break;
            case SetValue set:
                keys.UnionWith(set.Members.Select(resolver.Key));
                break;
        }

        return keys;
    }
}
