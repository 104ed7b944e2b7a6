using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>
/// The single place where hedges get their widths. <see cref="Default"/> holds the documented defaults;
/// <see cref="With(Hedge, HedgeRule)"/> and <see cref="With(Hedge, DateHedgeRule)"/> return a copy with one rule replaced.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Default widths (for a stated value <c>v</c>):
/// <list type="table">
/// <item><term>exact</term><description><c>[v, v]</c> widened to the rounding step (5 h → 4.5–5.5 h)</description></item>
/// <item><term>about</term><description><c>[0.9 v, 1.1 v]</c>, at least the rounding step</description></item>
/// <item><term>almost</term><description><c>[0.85 v, v)</c></description></item>
/// <item><term>more-than</term><description><c>(v, ∞)</c></description></item>
/// <item><term>at-least</term><description><c>[v, ∞)</c></description></item>
/// <item><term>at-most</term><description><c>(−∞, v]</c></description></item>
/// <item><term>less-than</term><description><c>(−∞, v)</c></description></item>
/// <item><term>several</term><description><c>[2 v, ∞)</c>, where <c>v</c> is the unit ("stundenlang": 1 h)</description></item>
/// </list>
/// Dates use the same hedges with <see cref="DateHedgeRule"/>s counted in units of the date's granularity:
/// about (and several) widens by one unit on each side, almost by one unit before it, more-than starts at the
/// end of the stated date, less-than ends at its start, and the open-ended hedges leave one side unbounded.
/// </remarks>
public sealed class HedgeTable
{
    private readonly ImmutableDictionary<Hedge, HedgeRule> _rules;
    private readonly ImmutableDictionary<Hedge, DateHedgeRule> _dateRules;

    // The same rules indexed by the hedge's number: every claim value asks for one, so the lookup stays an array read.
    private readonly HedgeRule[] _ruleByHedge;
    private readonly DateHedgeRule[] _dateRuleByHedge;

    private HedgeTable(ImmutableDictionary<Hedge, HedgeRule> rules, ImmutableDictionary<Hedge, DateHedgeRule> dateRules)
    {
        _rules = rules;
        _dateRules = dateRules;
        _ruleByHedge = ByNumber(rules);
        _dateRuleByHedge = ByNumber(dateRules);
    }

    private static T[] ByNumber<T>(ImmutableDictionary<Hedge, T> rules)
    {
        var array = new T[(int)Enum.GetValues<Hedge>().Max() + 1];
        foreach (var hedge in Enum.GetValues<Hedge>())
        {
            array[(int)hedge] = rules[hedge];
        }

        return array;
    }

    /// <summary>The documented default widths.</summary>
    public static HedgeTable Default { get; } = new(new Dictionary<Hedge, HedgeRule>
    {
        [Hedge.Exact] = HedgeRule.Create(1, false, 1, false, usesRoundingStep: true),
        [Hedge.About] = HedgeRule.Create(0.9, false, 1.1, false, usesRoundingStep: true),
        [Hedge.Almost] = HedgeRule.Create(0.85, false, 1, true),
        [Hedge.MoreThan] = HedgeRule.Create(1, true, null, false),
        [Hedge.AtLeast] = HedgeRule.Create(1, false, null, false),
        [Hedge.AtMost] = HedgeRule.Create(null, false, 1, false),
        [Hedge.LessThan] = HedgeRule.Create(null, false, 1, true),
        [Hedge.Several] = HedgeRule.Create(2, false, null, false),
    }.ToImmutableDictionary(), new Dictionary<Hedge, DateHedgeRule>
    {
        [Hedge.Exact] = DateHedgeRule.Create(0, false, 0, false),
        [Hedge.About] = DateHedgeRule.Create(1, false, 1, false),
        [Hedge.Almost] = DateHedgeRule.Create(1, false, 0, false),
        [Hedge.MoreThan] = DateHedgeRule.Create(0, true, null, false),
        [Hedge.AtLeast] = DateHedgeRule.Create(0, false, null, false),
        [Hedge.AtMost] = DateHedgeRule.Create(null, false, 0, false),
        [Hedge.LessThan] = DateHedgeRule.Create(null, false, 0, true),
        [Hedge.Several] = DateHedgeRule.Create(1, false, 1, false),
    }.ToImmutableDictionary());

    /// <summary>The rule for <paramref name="hedge"/>.</summary>
    public HedgeRule this[Hedge hedge] => (uint)hedge < (uint)_ruleByHedge.Length ? _ruleByHedge[(int)hedge] : _rules[hedge];

    /// <summary>The rule for <paramref name="hedge"/> on dates, parts of days and instants.</summary>
    public DateHedgeRule ForDates(Hedge hedge) => (uint)hedge < (uint)_dateRuleByHedge.Length ? _dateRuleByHedge[(int)hedge] : _dateRules[hedge];

    /// <summary>Returns a copy of this table in which <paramref name="hedge"/> follows <paramref name="rule"/>.</summary>
    public HedgeTable With(Hedge hedge, HedgeRule rule)
    {
        if (!Enum.IsDefined(hedge))
        {
            throw new ArgumentOutOfRangeException(nameof(hedge), hedge, "Unknown hedge.");
        }

        return new HedgeTable(_rules.SetItem(hedge, rule), _dateRules);
    }

    /// <summary>Returns a copy of this table in which dates hedged with <paramref name="hedge"/> follow <paramref name="rule"/>.</summary>
    public HedgeTable With(Hedge hedge, DateHedgeRule rule)
    {
        if (!Enum.IsDefined(hedge))
        {
            throw new ArgumentOutOfRangeException(nameof(hedge), hedge, "Unknown hedge.");
        }

        return new HedgeTable(_rules, _dateRules.SetItem(hedge, rule));
    }
}
