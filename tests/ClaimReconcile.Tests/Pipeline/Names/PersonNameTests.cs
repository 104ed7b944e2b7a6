using ClaimReconcile.Pipeline.Names;

namespace ClaimReconcile.Tests.Pipeline.Names;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Umerow", null, "umerov", 0)]
    [InlineData("Rustem Umerow", "rustem", "umerov", 2)]
    [InlineData("R. Umerow", "r", "umerov", 1)]
    [InlineData("Knuth, Donald E.", "donald", "knuth", 2)]
    [InlineData("Ursula von der Leyen", "ursula", "leien", 2)]
    [InlineData("Präsident Selenskyj", null, "selenski", 0)]
    [InlineData("Wladimir Wladimirowitsch Putin", "vladimir", "putin", 2)]
    [InlineData("Андрій Гнатов", "andri", "hnatov", 2)]
    public void TryParse_Name_ReadsSurnameGivenNameAndDetail(string mention, string? given, string surname, int detail)
    {
        var name = PersonName.TryParse(mention);

        Assert.NotNull(name);
        Assert.Equal(given, name.Given);
        Assert.Equal(surname, name.Surname);
        Assert.Equal((NameDetail)detail, name.Detail);
    }

    [Theory]
    [InlineData("moscow-talks-2025-12-02")]
    [InlineData("Ukrainian officials (unnamed)")]
    [InlineData("uschakow")]
    [InlineData("A, B, C")]
    [InlineData("One Two Three Four Five Six")]
    [InlineData("Präsident")]
    public void TryParse_NotAName_GivesNull(string mention) =>
        Assert.Null(PersonName.TryParse(mention));

    [Fact]
    public void ToString_GivenAndSurname_ShowsSkeletons() =>
        Assert.Equal("iuri uSakov", PersonName.TryParse("Juri Uschakow")!.ToString());
}
