namespace ClaimReconcile.Estimation;

/// <summary>
/// The parts of a <see cref="TruthDiscoveryEstimator"/> run, as it names them to an observer of its parts (the benchmarks'
/// <c>profile --stages</c> times them). A run goes through them in this order, the looks and estimates taking turns.
/// </summary>
internal enum EstimatePart
{
    /// <summary>Build each group's fixed structure: who votes for what, and how strongly.</summary>
    Models,

    /// <summary>Every group's probabilities from the priors alone (a weighted vote), before the early look for copying.</summary>
    Settle,

    /// <summary>Count who meets whom and list the agreements, once per run.</summary>
    Meet,

    /// <summary>Look for copying (weigh every agreement, judge each pair) and discount what is found.</summary>
    Look,

    /// <summary>Iterate the reliabilities to their fixed point, then settle the groups on them.</summary>
    Iterate,

    /// <summary>Both orders of the estimate side by side, when the early look finds enough, and the choice between them.</summary>
    BothOrders,

    /// <summary>Make each group's estimate from its final state.</summary>
    Result,
}
