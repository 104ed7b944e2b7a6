using System.Collections.Frozen;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// Resolves mentions to entity and event ids: an exact id first, then a label or alias compared after
/// folding. A name shared by two entities resolves to neither.
/// </summary>
internal sealed class EntityResolver
{
    private readonly FrozenDictionary<string, string> _ids;
    private readonly FrozenDictionary<string, string> _names;
    private readonly FrozenDictionary<string, string?> _labels;

    public EntityResolver(IEnumerable<Entity> entities, IEnumerable<Event> events)
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
            ids.TryAdd(entity.Id, entity.Id);
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
    }

    /// <summary>The id the mention names, or <see langword="null"/>.</summary>
    public string? TryResolve(string mention) =>
        _ids.TryGetValue(mention, out var id) ? id : _names.TryGetValue(TextFolding.Fold(mention), out var named) ? named : null;

    /// <summary>The id the mention names, or the folded mention itself.</summary>
    public string Key(string mention) => TryResolve(mention) ?? TextFolding.Fold(mention);

    /// <summary>The display label of an id, if it has one.</summary>
    public string? Label(string id) => _labels.TryGetValue(id, out var label) ? label : null;
}
