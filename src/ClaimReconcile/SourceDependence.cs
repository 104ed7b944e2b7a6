using System.Globalization;

namespace ClaimReconcile;

/// <summary>A source that another source was judged to depend on from their claims (undeclared copying), and why.</summary>
/// <remarks>Immutable. Dependence is judged for the pair, so each of the two sources lists the other.</remarks>
public sealed class SourceDependence
{
    internal SourceDependence(string source, double probability, int commonQuestions, int sharedValues, double sharedFalse)
    {
        Source = source;
        Probability = probability;
        CommonQuestions = commonQuestions;
        SharedValues = sharedValues;
        SharedFalse = sharedFalse;
    }

    /// <summary>The other source's id.</summary>
    public string Source { get; }

    /// <summary>The probability that the two are dependent, 0–1.</summary>
    public double Probability { get; }

    /// <summary>How many questions both answer.</summary>
    public int CommonQuestions { get; }

    /// <summary>On how many of those they give the very same value.</summary>
    public int SharedValues { get; }

    /// <summary>How many of the shared values are judged false (each counted by its probability of being false).</summary>
    public double SharedFalse { get; }

    /// <summary>The evidence in one sentence, for reports.</summary>
    public string Reason => string.Create(CultureInfo.InvariantCulture,
        $"same value as {Source} on {SharedValues} of {CommonQuestions} common questions, {SharedFalse:0.#} of them judged false");

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source} ({Probability:0.00}): {Reason}");
}
