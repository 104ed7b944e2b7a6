using System.Collections.Immutable;

namespace ClaimReconcile.Pipeline;

/// <summary>The validate stage: drops what cannot be reconciled, reporting each with a code and a location.</summary>
internal sealed class Validation
{
    /// <summary>A validation of its own sources, entities and events, or, with <paramref name="frame"/>, of that one's.</summary>
    private Validation(Validation? frame = null)
    {
        Sources = frame?.Sources ?? new(StringComparer.Ordinal);
        Entities = frame?.Entities ?? [];
        Events = frame?.Events ?? new(StringComparer.Ordinal);
    }

    public List<ReconciliationIssue> Issues { get; } = [];

    public Dictionary<string, Source> Sources { get; }

    public List<Entity> Entities { get; }

    public Dictionary<string, Event> Events { get; }

    /// <summary>
    /// The claims that passed, in input order, each already in the object the preparation fills in (rather than in a
    /// tuple that a million claims would copy into it).
    /// </summary>
    public List<PreparedClaim> Claims { get; } = [];

    public int Rejected { get; private set; }

    /// <summary>
    /// The distinct mentions the kept claims make, for the name stage: gathered as each claim is kept, while it is at hand,
    /// rather than in another pass over a million claims.
    /// </summary>
    public HashSet<string> Mentions { get; } = new(StringComparer.Ordinal);

    /// <summary>The subject of the claim kept last, for <see cref="EntityResolver.AddMentions"/>.</summary>
    private string? _lastSubject;

    /// <summary>
    /// Validates a claim set; from <paramref name="parallelFrom"/> claims on, the checks that concern one claim alone run
    /// on several threads (the outcome is the same either way).
    /// </summary>
    public static Validation Run(ClaimSet set, int parallelFrom = ClaimPreparation.ParallelFrom)
    {
        var v = new Validation();
        v.CheckSources(set.Sources);
        v.CheckEntities(set.Entities);
        v.CheckEvents(set.Events);
        v.CheckClaims(set.Claims, parallelFrom);
        return v;
    }

    /// <summary>
    /// Validates <paramref name="claims"/> against the sources, entities and events <paramref name="frame"/> kept, which
    /// it shares (read only): what a session checks of the claims an update adds. The frame's sources and the rest were
    /// checked when the session opened, without issues (or updates would not be incremental), and do not change, so
    /// checking them again for every update (their derivation cycles too) would find nothing new.
    /// </summary>
    public static Validation Run(ImmutableArray<Claim> claims, Validation frame)
    {
        var v = new Validation(frame);
        v.CheckClaims(claims, ClaimPreparation.ParallelFrom);
        return v;
    }

    private void CheckSources(ImmutableArray<Source> sources)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var source = sources[i];
            var path = source.Location ?? $"$.sources[{i}]";
            if (!Sources.TryAdd(source.Id, source))
            {
                Issues.Add(new(IssueCodes.DuplicateId, $"{path}.id", $"Source id \"{source.Id}\" is already used by an earlier source; this one is ignored."));
                continue;
            }

            if (source.Prior is { } prior && !(prior > 0 && prior < 1))
            {
                Issues.Add(new(IssueCodes.InvalidPrior, $"{path}.prior", $"A prior is strictly between 0 and 1; {NumberValue.Format(prior)} is not. The default is used.", null, IssueSeverity.Warning));
            }
        }

        for (var i = 0; i < sources.Length; i++)
        {
            var source = sources[i];
            var path = source.Location ?? $"$.sources[{i}]";
            for (var d = 0; d < source.DerivedFrom.Length; d++)
            {
                if (!Sources.ContainsKey(source.DerivedFrom[d]))
                {
                    Issues.Add(new(IssueCodes.UnknownUpstream, $"{path}.derivedFrom[{d}]",
                        $"\"{source.DerivedFrom[d]}\" is not a declared source; it still counts as an upstream shared with any other source naming it.", null, IssueSeverity.Warning));
                }
            }
        }

        foreach (var cycle in FindCycles())
        {
            var source = Sources[cycle[0]];
            Issues.Add(new(IssueCodes.DerivationCycle, $"{source.Location ?? "$.sources"}.derivedFrom",
                $"Sources derive from each other in a cycle ({string.Join(" → ", cycle.Append(cycle[0]))}); they count as one source.", null, IssueSeverity.Warning));
        }
    }

    private List<string[]> FindCycles()
    {
        var cycles = new List<string[]>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var up in Sources[id].DerivedFrom.Where(Sources.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (!state.TryGetValue(up, out var s))
                {
                    Visit(up);
                }
                else if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(up)).ToArray();
                    var start = Array.IndexOf(cycle, cycle.Min(StringComparer.Ordinal));
                    cycles.Add([.. cycle.Skip(start), .. cycle.Take(start)]);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in Sources.Keys.Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(id))
            {
                Visit(id);
            }
        }

        return cycles;
    }

    private void CheckEntities(ImmutableArray<Entity> entities)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Length; i++)
        {
            if (seen.Add(entities[i].Id))
            {
                Entities.Add(entities[i]);
            }
            else
            {
                Issues.Add(new(IssueCodes.DuplicateId, $"{entities[i].Location ?? $"$.entities[{i}]"}.id", $"Entity id \"{entities[i].Id}\" is already used; this entity is ignored."));
            }
        }
    }

    private void CheckEvents(ImmutableArray<Event> events)
    {
        for (var i = 0; i < events.Length; i++)
        {
            if (!Events.TryAdd(events[i].Id, events[i]))
            {
                Issues.Add(new(IssueCodes.DuplicateId, $"{events[i].Location ?? $"$.events[{i}]"}.id", $"Event id \"{events[i].Id}\" is already used; this event is ignored."));
            }
        }
    }

    private void CheckClaims(ImmutableArray<Claim> claims, int parallelFrom)
    {
        // Most claims pass every check. For them, looking the source up and making the prepared object does not depend on
        // any other claim, so it is done apart, each claim into its own slot, in parallel for a large set. Only the ids
        // need the claims in order (the later of two claims with one id is left out): they are checked on one thread, at
        // the same time.
        var ready = new PreparedClaim?[claims.Length];
        var firstUse = new bool[claims.Length];
        void MakeReady() => Partitioned.For(claims.Length, i => ready[i] = Ready(claims[i], i), parallelFrom, ClaimPreparation.RangeSize, Partitioned.OnePerCore);
        void MarkFirstUses() => FirstUses.Mark(claims, firstUse);

        if (claims.Length >= parallelFrom)
        {
            Parallel.Invoke(MarkFirstUses, MakeReady);
        }
        else
        {
            MarkFirstUses();
            MakeReady();
        }

        var textForms = new Text.TextFormCache();
        Claims.EnsureCapacity(claims.Length);
        for (var i = 0; i < claims.Length; i++)
        {
            if (firstUse[i] && ready[i] is { } passed)
            {
                Keep(passed);
            }
            else
            {
                Check(claims[i], i, ready[i]?.Id ?? IdOf(claims[i], i), firstUse[i], textForms);
            }
        }
    }

    /// <summary>
    /// The prepared object of a claim that passes the checks that concern it alone (a declared source and event, no words
    /// to read); <see langword="null"/> when <see cref="Check"/> has more to say. Reads the declared sources and events only.
    /// </summary>
    private PreparedClaim? Ready(Claim claim, int index) =>
        Sources.TryGetValue(claim.Source, out var source)
        && (claim.Scope?.Event is not { } eventId || Events.ContainsKey(eventId))
        && !Text.TextForms.HasWords(claim)
            ? new PreparedClaim(claim, IdOf(claim, index), source)
            : null;

    /// <summary>
    /// Checks a claim that did not pass at once, in input order: reports each of its problems, reads its words, and keeps
    /// it if it can be read.
    /// </summary>
    private void Check(Claim claim, int i, string id, bool firstUse, Text.TextFormCache textForms)
    {
        var ok = true;
        if (!firstUse)
        {
            Issues.Add(new(IssueCodes.DuplicateId, $"{PathOf(claim, i)}.id", $"Claim id \"{id}\" is already used by an earlier claim; this claim is left out.", id));
            ok = false;
        }

        if (!Sources.TryGetValue(claim.Source, out var source))
        {
            Issues.Add(new(IssueCodes.UnknownSource, $"{PathOf(claim, i)}.source", $"Source \"{claim.Source}\" is not declared in \"sources\"; the claim is left out.", id));
            ok = false;
        }

        if (claim.Scope?.Event is { } eventId && !Events.ContainsKey(eventId))
        {
            Issues.Add(new(IssueCodes.UnknownEvent, $"{PathOf(claim, i)}.scope.event", $"Event \"{eventId}\" is not declared in \"events\"; the claim is left out.", id));
            ok = false;
        }

        // Words ("am Dienstagabend", "fast fünf Stunden") are read against the source here.
        var resolved = !ok ? null
            : Text.TextForms.HasWords(claim) ? Text.TextForms.Resolve(claim, source!, PathOf(claim, i), id, Issues, textForms)
            : claim;
        if (resolved is not null)
        {
            Keep(new PreparedClaim(resolved, id, source!));
        }
        else
        {
            Rejected++;
        }
    }

    /// <summary>Keeps a claim that passed, and notes the names it mentions.</summary>
    private void Keep(PreparedClaim claim)
    {
        Claims.Add(claim);
        EntityResolver.AddMentions(Mentions, claim.Claim, ref _lastSubject);
    }

    /// <summary>A claim's id: its own, or its source and position in the claim set for a claim that has none.</summary>
    public static string IdOf(Claim claim, int index) => claim.Id ?? $"{claim.Source}#{index}";

    /// <summary>Where a claim was read from, or its position; built only for an issue, not for every claim.</summary>
    private static string PathOf(Claim claim, int index) => claim.Location ?? $"$.claims[{index}]";
}
