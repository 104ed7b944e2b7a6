using ClaimReconcile.Estimation;
using ClaimReconcile.Evaluation;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class EvaluationTests
{
    private static readonly string Data = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "benchmarks"));

    [Theory]
    [InlineData("7:10 a.m.", 7, 10)]
    [InlineData("12:45 p.m. Dec 04", 12, 45)]
    [InlineData("12:05 a.m.", 0, 5)]
    [InlineData("9:27aDec 9", 9, 27)]
    [InlineData("8:05 p.m. (Estimated runway)", 20, 5)]
    [InlineData("12/05 6:40 p.m.", 18, 40)]
    [InlineData("Thu  21:30", 21, 30)]
    [InlineData("9:15P 12-04-11", 21, 15)]
    [InlineData("12:00noon", 12, 0)]
    [InlineData("6:11 p.m. (+0:35)", 18, 11)]
    public void FlightsParseTime_MessyCells_ReadTheTimeOfDay(string cell, int hour, int minute) =>
        Assert.Equal(new LocalTime(hour, minute), FlightsData.ParseTime(cell));

    [Theory]
    [InlineData("Not Available")]
    [InlineData("Contact Airline")]
    [InlineData("")]
    [InlineData("Dec 04 Not Available")]
    public void FlightsParseTime_NoTime_IsNull(string cell) => Assert.Null(FlightsData.ParseTime(cell));

    [Theory]
    [InlineData("Knuth, Donald E.", "knuth")]
    [InlineData("Donald Ervin Knuth", "knuth")]
    [InlineData("KNUTH", "knuth")]
    [InlineData("O'Leary, Timothy J.; O'Leary, Linda I.", "oleary")]
    [InlineData("Paul W. Abrahams, Bruce R. Larson", "abrahams larson")]
    [InlineData("Abrahams, Paul, Larson, Bruce", "abrahams larson")]
    [InlineData("Fortier, Paul J./ Michel, Howard", "fortier michel")]
    [InlineData("Lacroix, Zoe (EDT)/ Critchlow, Terence (EDT)", "critchlow lacroix")]
    [InlineData("Puder, Arno Romer, Kay Pilhofer, Frank", "pilhofer puder romer")]
    [InlineData("Sedgewick, RobertFlajolet, Philippe", "flajolet sedgewick")]
    [InlineData("Terry Halpin, et al", "halpin")]
    [InlineData("Rozanski, Nick & Woods, Eoin", "rozanski woods")]
    [InlineData("Ron Goldman and Richard P. Gabriel", "gabriel goldman")]
    [InlineData("Müller, Jörg", "muller")]
    public void BooksParseAuthors_EveryShape_GivesFamilyNames(string text, string expected) =>
        Assert.Equal(expected.Split(' '), BooksData.ParseAuthors(text));

    [Fact]
    public void BooksParseAuthors_NotAvailable_IsEmpty() => Assert.Empty(BooksData.ParseAuthors("Not Available"));

    [Fact]
    public void Calibration_PerfectAndWorst_ScoreZeroAndOne()
    {
        Assert.Equal((0.0, 0.0), Scores.Calibration([(1.0, true), (0.0, false)]));
        Assert.Equal((1.0, 1.0), Scores.Calibration([(1.0, false), (0.0, true)]));
        var (brier, ece) = Scores.Calibration([(0.75, true), (0.75, true), (0.75, true), (0.75, false)]);
        Assert.Equal(0.1875, brier, 12);
        Assert.Equal(0.0, ece, 12);
    }

    [Fact]
    public void Synthetic_CopiedMajorities_DependenceHandlingFlipsThem()
    {
        var (claims, truth) = new SyntheticData(Questions: 120, Coverage: 0.7, OriginalAccuracy: 0.6).Generate();

        var vote = SyntheticData.Score(claims, truth, MajorityVoteEstimator.Instance);
        var off = SyntheticData.Score(claims, truth, new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopying = false }));
        var on = SyntheticData.Score(claims, truth, TruthDiscoveryEstimator.Default);

        Assert.True(vote.CopiedMajorities > 0);
        Assert.Equal(0, vote.CopiedMajoritiesRight);
        Assert.True(on.CopiedMajoritiesRight > off.CopiedMajoritiesRight, $"{on} vs {off}");
        Assert.True(on.CopiedMajoritiesRight * 2 > on.CopiedMajorities, on.ToString());
        Assert.True(on.Precision > vote.Precision);
    }

    [Fact]
    public void Synthetic_Hard_DefaultChoosesTheEarlyLookAndBeatsVote()
    {
        // Honest sources answer half the questions and the copied source is mostly wrong: the copied clique wins
        // most votes, and only copying looked for before the first estimate catches it.
        var (claims, truth) = new SyntheticData(Coverage: 0.5, OriginalAccuracy: 0.4).Generate();

        var vote = SyntheticData.Score(claims, truth, MajorityVoteEstimator.Instance);
        var after = SyntheticData.Score(claims, truth, new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopyingFirst = false }));
        var on = SyntheticData.Score(claims, truth, TruthDiscoveryEstimator.Default);

        Assert.True(after.Precision < vote.Precision, $"{after} vs {vote}");
        Assert.True(on.Precision > vote.Precision + 0.3, $"{on} vs {vote}");
        Assert.True(on.CopiedMajoritiesRight * 2 > on.CopiedMajorities, on.ToString());
    }

    [Fact]
    public void Synthetic_ShuffledInput_GivesByteIdenticalReports()
    {
        var (claims, _) = new SyntheticData(Questions: 80, Coverage: 0.7, OriginalAccuracy: 0.6).Generate();
        var shuffled = new ClaimSet([.. claims.Sources.Reverse()], [.. claims.Claims.OrderBy(c => c.Id!.GetHashCode(StringComparison.Ordinal))]);

        var first = Evaluations.Reconcile(claims, TruthDiscoveryEstimator.Default).Report;
        var second = Evaluations.Reconcile(shuffled, TruthDiscoveryEstimator.Default).Report;

        Assert.Contains(first.Sources, s => !s.DetectedDependence.IsEmpty);
        Assert.Equal(ClaimReconcile.Serialization.ReportJson.Write(first), ClaimReconcile.Serialization.ReportJson.Write(second));
    }

    [Fact]
    public void PublicData_DefaultEstimator_MeetsTheTargetsAndBeatsVote()
    {
        if (!File.Exists(Path.Combine(Data, "flights", "claims.csv")) || !File.Exists(Path.Combine(Data, "books", "claims.txt")))
        {
            Assert.Skip($"The public benchmark data is not at {Data} (it lives beside the repository, never in it).");
        }

        var flights = FlightsData.LoadClaims(Path.Combine(Data, "flights"));
        var flightTruth = FlightsData.LoadTruth(Path.Combine(Data, "flights"));
        var books = BooksData.LoadClaims(Path.Combine(Data, "books"));
        var bookTruth = BooksData.LoadTruth(Path.Combine(Data, "books"));

        var flightsVote = Evaluations.Flights(flights, flightTruth, MajorityVoteEstimator.Instance);
        var flightsDefault = Evaluations.Flights(flights, flightTruth, TruthDiscoveryEstimator.Default);
        var booksVote = Evaluations.Books(books, bookTruth, MajorityVoteEstimator.Instance);
        var booksDefault = Evaluations.Books(books, bookTruth, TruthDiscoveryEstimator.Default);

        Assert.Equal(400, flightsDefault.Items);
        Assert.Equal(100, booksDefault.Items);
        Assert.True(flightsDefault.Matching >= 0.95, $"Flights {flightsDefault.Matching}");
        Assert.True(booksDefault.Matching >= 0.90, $"Books {booksDefault.Matching}");
        Assert.True(flightsDefault.Matching > flightsVote.Matching);
        Assert.True(booksDefault.Matching > booksVote.Matching);
        Assert.True(flightsDefault.Brier < flightsVote.Brier && booksDefault.Brier < booksVote.Brier);
    }
}
