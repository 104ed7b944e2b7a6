using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests.Pipeline;

/// <summary>
/// A prepared claim is a row of its validation's table, not an object of its own: copies of it share the row, and it
/// equals only a claim of the same row (a session withdraws a claim from its question's list by that equality).
/// </summary>
public sealed class PreparedClaimTests
{
    [Fact]
    public void Copies_ShareTheRow_AndEqualOnlyTheSameRow()
    {
        var claim = Some.Claim("zeit", Some.Hours(5), id: "c1");
        var first = new PreparedClaim(claim, "c1", new Source("zeit"));
        var twin = new PreparedClaim(claim, "c1", new Source("zeit"));
        var copy = first;

        copy.Form = new KeyForm("text", "moskau");
        copy.SubjectKey = "talks";

        Assert.Equal(new KeyForm("text", "moskau"), first.Form);
        Assert.Equal("talks", first.SubjectKey);
        Assert.Equal("", twin.SubjectKey);
        Assert.Equal(first, copy);
        Assert.NotEqual(first, twin);

        // The twin holds the same claim and id: only its row tells it apart.
        List<PreparedClaim> question = [twin, first];
        Assert.True(question.Remove(first));
        Assert.Equal([twin], question);
    }

    [Fact]
    public void Validation_KeepsEachPassedClaimInTheRowOfItsPosition()
    {
        // Claim 1 repeats claim 0's id and claim 3 names an undeclared source: their rows are left behind. Claim 2 has no
        // id and is named by its position.
        Claim[] claims =
        [
            Some.Claim("zeit", Some.Hours(5), id: "c0", subject: "a"),
            Some.Claim("zeit", Some.Hours(4), id: "c0", subject: "b"),
            Some.Claim("zeit", Some.Hours(3), id: null, subject: "c"),
            Some.Claim("nowhere", Some.Hours(2), id: "c3", subject: "d"),
            Some.Claim("zeit", Some.Hours(1), id: "c4", subject: "e"),
        ];

        var validation = Validation.Run(new ClaimSet([Some.Source("zeit")], claims));

        Assert.Equal(["c0", "zeit#2", "c4"], validation.Claims.Select(c => c.Id));
        Assert.Equal(["a", "c", "e"], validation.Claims.Select(c => c.Claim.Subject));
        Assert.Equal(3, validation.Claims.Distinct().Count());

        // The preparation fills those rows in place: the validation's claims read what it wrote.
        var prepared = ClaimPreparation.For(validation, HedgeTable.Default, Some.Clock.GetCurrentInstant()).PrepareAll(validation.Claims);
        Assert.Equal(["a", "c", "e"], validation.Claims.Select(c => c.SubjectKey));
        Assert.Equal(validation.Claims, prepared);
    }
}
