namespace ClaimReconcile.Pipeline;

/// <summary>The stages of a full run, in the order they run, as <see cref="Reconciler"/> names them to an observer of its stages.</summary>
internal enum RunStage
{
    /// <summary>Validate, resolve names, normalize values and scopes, attach claims to events.</summary>
    Front,

    /// <summary>Group the prepared claims by question and scope.</summary>
    Group,

    /// <summary>Compare the values of each group.</summary>
    Compare,

    /// <summary>Estimate the values' probabilities and the sources' reliabilities.</summary>
    Estimate,

    /// <summary>Give each group its verdict, statuses and explanation.</summary>
    Judge,

    /// <summary>Assemble the report.</summary>
    Report,
}
