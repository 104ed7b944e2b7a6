namespace ClaimReconcile;

/// <summary>What kind of source a <see cref="Source"/> is. The default value is <see cref="Other"/>.</summary>
public enum SourceKind
{
    /// <summary>Not stated or none of the others.</summary>
    Other = 0,

    /// <summary>A news outlet.</summary>
    Outlet,

    /// <summary>A news agency whose wire copy others reuse.</summary>
    Agency,

    /// <summary>An official body or its spokesperson.</summary>
    Official,

    /// <summary>A person speaking for themselves.</summary>
    Person,

    /// <summary>A data set or web source in data fusion.</summary>
    Dataset,
}
