using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimReconcile.Pipeline.Names;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// Resolves mentions to entity and event ids. An exact id wins, then a declared label or alias compared after folding;
/// a name shared by two entities resolves to neither. Then mentions that read as a person's name are matched by
/// spelling (see <see cref="NameMatcher"/>) against the declared people and against each other, so "Dmitrijew",
/// "Dimitrijew" and "Kirill Dmitriev" meet without an alias table.
/// </summary>
/// <remarks>
/// Mentions are matched from the most to the least detailed. Full names ("Rustem Umerow") join the one declared
/// person they fit, or cluster with the free full names they match. Then mentions with an initial, then surnames
/// alone, join the one person or cluster they fit; when two fit, the mention stays unresolved and is
/// <see cref="IsAmbiguous">ambiguous</see>. A cluster of free mentions is keyed by its most detailed member
/// (ordinally first among equals), so the result does not depend on the order of the mentions. Skeletons are
/// computed once per distinct mention, and candidates are looked up by the phonetic key of the surname.
/// </remarks>
internal sealed class EntityResolver
{
    private readonly FrozenDictionary<string, string> _ids;
    private readonly FrozenDictionary<string, string> _names;
    private readonly FrozenDictionary<string, string?> _labels;
    private readonly Dictionary<string, List<Candidate>> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _free = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _ambiguous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Id, string Key, bool Ambiguous)> _known = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver for the declared entities and events, matching the given mentions among themselves too.</summary>
    public EntityResolver(IEnumerable<Entity> entities, IEnumerable<Event> events, IEnumerable<string>? mentions = null)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        void AddName(string name, string id)
        {
            var key = TextFolding.Fold(name);
            if (key.Length == 0)
            {
                return;
            }

            names[key] = names.TryGetValue(key, out var existing) && existing != id ? null : id;
        }

        foreach (var entity in entities)
        {
            if (!ids.TryAdd(entity.Id, entity.Id))
            {
                continue;
            }

            labels.TryAdd(entity.Id, entity.Label);
            AddName(entity.Id, entity.Id);
            if (entity.Label is not null)
            {
                AddName(entity.Label, entity.Id);
            }

            foreach (var alias in entity.Aliases)
            {
                AddName(alias, entity.Id);
            }

            if (IsPerson(entity))
            {
                var person = new Candidate(entity.Id, entity.Label ?? entity.Id, entity.Id);
                foreach (var name in (entity.Label is null ? entity.Aliases : entity.Aliases.Insert(0, entity.Label)).Select(PersonName.TryParse))
                {
                    if (name is not null)
                    {
                        person.Add(name, _people);
                    }
                }
            }
        }

        foreach (var @event in events)
        {
            ids.TryAdd(@event.Id, @event.Id);
            labels.TryAdd(@event.Id, @event.Label);
            AddName(@event.Id, @event.Id);
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        _labels = labels.ToFrozenDictionary(StringComparer.Ordinal);
        _names = names.Where(n => n.Value is not null).ToFrozenDictionary(n => n.Key, n => n.Value!, StringComparer.Ordinal);
        if (mentions is not null)
        {
            // In no particular order: nothing below depends on it (the matching orders what it needs to).
            var distinct = mentions is HashSet<string> { Comparer: var comparer } set && comparer == StringComparer.Ordinal
                ? [.. set]
                : mentions.Distinct(StringComparer.Ordinal).ToList();
            // Folding and reading names concern one mention each: on all cores for a large claim set, each into its slot.
            var folded = new string[distinct.Count];
            var read = new PersonName?[distinct.Count];
            Partitioned.For(distinct.Count, i => (folded[i], read[i]) = (TextFolding.Fold(distinct[i]), PersonName.TryParse(distinct[i])));
            var parsed = Match(distinct, folded, read);

            // Remember every given mention's answer, so that each later lookup is one dictionary probe.
            _known.EnsureCapacity(distinct.Count);
            for (var i = 0; i < distinct.Count; i++)
            {
                var id = Resolve(distinct[i], folded[i], parsed);
                _known[distinct[i]] = (id, id ?? _free.GetValueOrDefault(folded[i], folded[i]), _ambiguous.ContainsKey(folded[i]));
            }
        }
    }

    /// <summary>
    /// Adds the mentions a claim makes (as <see cref="Mentions(Claim)"/> lists them) to <paramref name="mentions"/>, the
    /// distinct mentions the constructor matches. <paramref name="previousSubject"/> is the subject of the claim added before.
    /// </summary>
    public static void AddMentions(HashSet<string> mentions, Claim claim, ref string? previousSubject)
    {
        // Claims about one subject tend to come together; a repeated subject then costs a comparison, not a hash.
        var repeated = string.Equals(claim.Subject, previousSubject, StringComparison.Ordinal);
        previousSubject = claim.Subject;
        ForEachMention(claim, subject: !repeated, new Collect(mentions));
    }

    /// <summary>
    /// Adds <paramref name="change"/> to the count of each mention of <paramref name="claim"/>: the mentions
    /// <see cref="Mentions"/> lists, every occurrence, without naming their paths (the subject only when
    /// <paramref name="subject"/>, for callers that count a run of claims about one subject at once). A count that
    /// reaches 0 is removed, so a mention is in <paramref name="counts"/> exactly while some claim names it.
    /// </summary>
    public static void CountMentions(Dictionary<string, int> counts, Claim claim, int change, bool subject = true) =>
        ForEachMention(claim, subject, new Count(counts, change));

    /// <summary>
    /// Gives <paramref name="taker"/> each mention of <paramref name="claim"/> that <see cref="Mentions"/> lists, every
    /// occurrence, without its path (the subject only when <paramref name="subject"/>): the one walk over a claim's
    /// mentions that collecting and counting them share. The taker is a struct, so each use compiles to direct calls
    /// (validation collects the mentions of every claim).
    /// </summary>
    private static void ForEachMention<TTaker>(Claim claim, bool subject, TTaker taker)
        where TTaker : struct, IMentionTaker
    {
        if (subject)
        {
            taker.Take(claim.Subject);
        }

        if (claim.Speaker is { } speaker)
        {
            taker.Take(speaker);
        }

        if (claim.Value is EntityValue e)
        {
            taker.Take(e.Mention);
        }
        else if (claim.Value is SetValue s)
        {
            foreach (var member in s.Members)
            {
                taker.Take(member);
            }
        }
    }

    /// <summary>What <see cref="ForEachMention"/> gives each mention to.</summary>
    private interface IMentionTaker
    {
        void Take(string mention);
    }

    /// <summary>Collects mentions into a set.</summary>
    private readonly struct Collect(HashSet<string> mentions) : IMentionTaker
    {
        public void Take(string mention) => mentions.Add(mention);
    }

    /// <summary>Adds a change to each mention's count (<see cref="CountMention"/>).</summary>
    private readonly struct Count(Dictionary<string, int> counts, int change) : IMentionTaker
    {
        public void Take(string mention) => CountMention(counts, mention, change);
    }

    /// <summary>Adds <paramref name="change"/> to the count of <paramref name="mention"/>, removing it at 0.</summary>
    public static void CountMention(Dictionary<string, int> counts, string mention, int change)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, mention, out _);
        count += change;
        if (count == 0)
        {
            counts.Remove(mention);
        }
    }

    /// <summary>The id the mention names, or <see langword="null"/>.</summary>
    public string? TryResolve(string mention) => _known.TryGetValue(mention, out var known) ? known.Id : Resolve(mention, TextFolding.Fold(mention));

    /// <summary>The id the mention names, or the key of its cluster of free mentions (a folded mention).</summary>
    public string Key(string mention)
    {
        if (_known.TryGetValue(mention, out var known))
        {
            return known.Key;
        }

        var folded = TextFolding.Fold(mention);
        return Resolve(mention, folded) ?? (_free.TryGetValue(folded, out var cluster) ? cluster : folded);
    }

    /// <summary>Resolves a mention, given its folded form and, optionally, the names already read from mentions.</summary>
    private string? Resolve(string mention, string folded, Dictionary<string, PersonName>? parsed = null)
    {
        if (_ids.TryGetValue(mention, out var id))
        {
            return id;
        }

        if (_names.TryGetValue(folded, out var named))
        {
            return named;
        }

        if (_resolved.TryGetValue(folded, out var resolved))
        {
            return resolved;
        }

        if (_free.ContainsKey(folded) || _ambiguous.ContainsKey(folded))
        {
            return null;
        }

        // A mention that was not given up front is matched against the declared people only. One that was given and gets
        // here was read in the matching: a mention whose folded form reads as a name is in one of the maps above.
        var name = parsed is not null ? parsed.GetValueOrDefault(mention) : PersonName.TryParse(mention);
        return name is not null && Fits(name, _people) is [{ Id: { } only }] ? only : null;
    }

    /// <summary>The display label of an id, if it has one.</summary>
    public string? Label(string id) => _labels.TryGetValue(id, out var label) ? label : null;

    /// <summary>Whether the mention reads as a name that two or more people fit, so it was left unresolved.</summary>
    public bool IsAmbiguous(string mention) => _known.TryGetValue(mention, out var known) ? known.Ambiguous : _ambiguous.ContainsKey(TextFolding.Fold(mention));

    /// <summary>The mentions a claim makes (subject, speaker, entity value, set members), each with its JSON path below the claim.</summary>
    public static IEnumerable<(string Mention, string Path)> Mentions(Claim claim)
    {
        yield return (claim.Subject, ".subject");
        if (claim.Speaker is { } speaker)
        {
            yield return (speaker, ".speaker");
        }

        if (claim.Value is EntityValue e)
        {
            yield return (e.Mention, ".value.entity");
        }
        else if (claim.Value is SetValue s)
        {
            for (var i = 0; i < s.Members.Length; i++)
            {
                yield return (s.Members[i], $".value.set[{i}]");
            }
        }
    }

    /// <summary>Adds an <see cref="IssueCodes.AmbiguousMention"/> warning for every ambiguous mention of a reconciled claim.</summary>
    public void ReportAmbiguities(ImmutableArray<Claim> all, IEnumerable<PreparedClaim> reconciled, List<ReconciliationIssue> issues)
    {
        if (_ambiguous.Count == 0)
        {
            return;
        }

        // Claims whose words were read are new objects by now, so the reconciled claims are found by id: validation
        // keeps at most the first claim with a given id (later ones are duplicates), and names unnamed claims by position.
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in reconciled)
        {
            kept.Add(claim.Id);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            var id = Validation.IdOf(all[i], i);
            if (!seen.Add(id) || !kept.Contains(id))
            {
                continue;
            }

            foreach (var (mention, path) in Mentions(all[i]))
            {
                if (IsAmbiguous(mention) && _ambiguous.TryGetValue(TextFolding.Fold(mention), out var candidates))
                {
                    issues.Add(new(IssueCodes.AmbiguousMention, (all[i].Location ?? $"$.claims[{i}]") + path,
                        $"\"{mention}\" fits more than one person ({string.Join(", ", candidates)}); it is left unresolved. Write the full name or an entity id.",
                        id, IssueSeverity.Warning));
                }
            }
        }
    }

    private static bool IsPerson(Entity entity) =>
        entity.Type is null || string.Equals(entity.Type.Trim(), "person", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Matches the given mentions (in any order, with their folded forms and the names they read as, if any); returns
    /// the names read, by mention: only mentions that read as names are in it, as a mention read here and not in it is no
    /// name.
    /// </summary>
    private Dictionary<string, PersonName> Match(List<string> mentions, string[] foldedMentions, PersonName?[] names)
    {
        // One entry per distinct folded mention that reads as a name; the ordinally first spelling that does wins. Most
        // mentions of a large claim set read as no name, and they get no entries: nothing below would look at them.
        var byFold = new Dictionary<string, (string Written, PersonName Name)>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, PersonName>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (mention, folded) = (mentions[i], foldedMentions[i]);
            if (names[i] is not { } name || _ids.ContainsKey(mention) || _names.ContainsKey(folded))
            {
                continue;
            }

            // The mentions come in no particular order: a spelling replaces another of the same folded form that sorts after it.
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(byFold, folded, out var seen);
            if (!seen || string.CompareOrdinal(mention, first.Written) < 0)
            {
                first = (mention, name);
            }
        }

        foreach (var (written, name) in byFold.Values)
        {
            parsed[written] = name;
        }

        // The mentions that read as names take part, in the ordinal order of their folded forms.
        var named = byFold.Select(e => (Folded: e.Key, e.Value.Name)).ToList();
        named.Sort((a, b) => string.CompareOrdinal(a.Folded, b.Folded));

        var clusters = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var detail in (NameDetail[])[NameDetail.FullName, NameDetail.Initial, NameDetail.Surname])
        {
            var pool = new List<(string Folded, PersonName Name)>();
            foreach (var (folded, name) in named)
            {
                if (name.Detail != detail)
                {
                    continue;
                }

                // A full name may only join a declared person; a shorter mention may also join a cluster of free names.
                var fits = Fits(name, _people).Concat(detail == NameDetail.FullName ? [] : Fits(name, clusters)).ToList();
                switch (fits.Count)
                {
                    case 0:
                        pool.Add((folded, name));
                        break;
                    case 1 when fits[0].Id is { } id:
                        _resolved[folded] = id;
                        break;
                    case 1:
                        _free[folded] = fits[0].Key;
                        break;
                    default:
                        _ambiguous[folded] = [.. fits.Select(f => f.Display).Order(StringComparer.Ordinal)];
                        break;
                }
            }

            foreach (var cluster in Cluster(pool))
            {
                // The most detailed member, ordinally first among equals, names the cluster.
                var key = cluster.Min(StringComparer.Ordinal)!;
                var candidate = new Candidate(null, byFold[key].Written, key);
                foreach (var folded in cluster)
                {
                    _free[folded] = key;
                    candidate.Add(byFold[folded].Name, clusters);
                }
            }
        }

        return parsed;
    }

    /// <summary>Connected components of the pool under <see cref="NameMatcher.Same"/>, comparing only names with one surname key.</summary>
    private static IEnumerable<List<string>> Cluster(List<(string Folded, PersonName Name)> pool)
    {
        var parent = Enumerable.Range(0, pool.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }

        foreach (var block in Enumerable.Range(0, pool.Count).GroupBy(i => pool[i].Name.SurnameKey, StringComparer.Ordinal))
        {
            var members = block.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    if (NameMatcher.Same(pool[members[a]].Name, pool[members[b]].Name))
                    {
                        parent[Root(members[a])] = Root(members[b]);
                    }
                }
            }
        }

        return Enumerable.Range(0, pool.Count).GroupBy(Root).Select(g => g.Select(i => pool[i].Folded).ToList());
    }

    private static List<Candidate> Fits(PersonName name, Dictionary<string, List<Candidate>> index)
    {
        if (!index.TryGetValue(name.SurnameKey, out var candidates))
        {
            return [];
        }

        return [.. candidates.Where(c => c.Fits(name))];
    }

    /// <summary>A declared person, or a cluster of free mentions, with the names it goes by.</summary>
    private sealed class Candidate(string? id, string display, string key)
    {
        private readonly List<PersonName> _names = [];

        /// <summary>The entity id, or <see langword="null"/> for a cluster of free mentions.</summary>
        public string? Id { get; } = id;

        /// <summary>The label of a declared person, or the first spelling of a cluster's key.</summary>
        public string Display { get; } = display;

        /// <summary>The entity id, or the folded mention that keys a cluster.</summary>
        public string Key { get; } = key;

        public void Add(PersonName name, Dictionary<string, List<Candidate>> index)
        {
            _names.Add(name);
            if (!index.TryGetValue(name.SurnameKey, out var list))
            {
                index[name.SurnameKey] = list = [];
            }

            if (!list.Contains(this))
            {
                list.Add(this);
            }
        }

        /// <summary>
        /// Whether the name fits: its surname matches one of this candidate's, and its given name (if any) fits one of
        /// the given names this candidate is known by (if any).
        /// </summary>
        public bool Fits(PersonName name)
        {
            var surname = false;
            var givenKnown = false;
            var givenFits = false;
            foreach (var known in _names)
            {
                surname |= NameMatcher.SameSurname(name, known);
                if (known.Given is not null)
                {
                    givenKnown = true;
                    givenFits |= NameMatcher.CompatibleGiven(name, known);
                }
            }

            return surname && (name.Given is null || !givenKnown || givenFits);
        }
    }
}
