using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("h", 3_600)]
    [InlineData("Stunden", 3_600)]
    [InlineData("hrs.", 3_600)]
    [InlineData("min", 60)]
    [InlineData("Minuten", 60)]
    [InlineData("s", 1)]
    [InlineData("Tage", 86_400)]
    [InlineData("weeks", 604_800)]
    public void Resolve_TimeUnit_GivesSecondsFactor(string unit, double factor) =>
        Assert.Equal((Units.Time, factor), Units.Resolve(unit));

    [Fact]
    public void Resolve_Years_UsesAverageGregorianYear() =>
        Assert.Equal((Units.Time, 365.2425 * 86_400), Units.Resolve("Jahre"));

    [Fact]
    public void Resolve_Percent_IsPercentDimension() =>
        Assert.Equal(("percent", 1.0), Units.Resolve("Prozent"));

    [Fact]
    public void Resolve_NoUnit_IsCount() =>
        Assert.Equal(("count", 1.0), Units.Resolve(null));

    [Fact]
    public void Resolve_UnknownUnit_IsItsOwnFoldedDimension() =>
        Assert.Equal(("unit:km", 1.0), Units.Resolve("KM"));

    [Theory]
    [InlineData("year", true)]
    [InlineData("Jahre", true)]
    [InlineData("a", true)]
    [InlineData("months", false)]
    [InlineData(null, false)]
    public void IsYears_Unit_RecognisesYears(string? unit, bool expected) =>
        Assert.Equal(expected, Units.IsYears(unit));
}
