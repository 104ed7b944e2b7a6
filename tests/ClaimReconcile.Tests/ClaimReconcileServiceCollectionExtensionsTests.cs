using ClaimReconcile.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class ClaimReconcileServiceCollectionExtensionsTests
{
    [Fact]
    public void AddClaimReconcile_CalledTwice_RegistersOneReconcilerAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        var calls = new List<int>();

        services.AddClaimReconcile(_ => calls.Add(1)).AddClaimReconcile(_ => calls.Add(2));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(Reconciler));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Same(provider.GetRequiredService<Reconciler>(), provider.GetRequiredService<Reconciler>());
        Assert.Equal([1, 2], calls);
    }

    [Fact]
    public void AddClaimReconcile_ConfiguredHedges_ChangeVerdicts()
    {
        var claims = ClaimSet.CreateBuilder()
            .AddSource("a").AddSource("b")
            .AddClaim("a", "talks", "duration", ClaimValue.Duration(Duration.FromHours(3), Hedge.About))
            .AddClaim("b", "talks", "duration", ClaimValue.Duration(Duration.FromMinutes(220)))
            .Build();
        var wide = HedgeTable.Default.With(Hedge.About, HedgeRule.Create(0.7, false, 1.3, false, usesRoundingStep: true));

        using var defaults = new ServiceCollection().AddClaimReconcile().BuildServiceProvider();
        using var widened = new ServiceCollection().AddClaimReconcile(o => o.Hedges = wide).BuildServiceProvider();

        Assert.Equal(Verdict.Conflict, defaults.GetRequiredService<Reconciler>().Reconcile(claims).Groups.Single().Verdict);
        Assert.Equal(Verdict.Agreement, widened.GetRequiredService<Reconciler>().Reconcile(claims).Groups.Single().Verdict);
    }

    [Fact]
    public void AddClaimReconcile_InjectedClock_DatesAgesOfUndatedSources()
    {
        // 68 as of "today" (no publication date): today is what the injected clock says.
        var claims = ClaimSet.CreateBuilder()
            .AddSource("dated", published: new LocalDate(2025, 12, 3)).AddSource("undated")
            .AddClaim("dated", "witkoff", "age", ClaimValue.Number(68, "year"))
            .AddClaim("undated", "witkoff", "age", ClaimValue.Number(68, "year"))
            .Build();
        Verdict VerdictOn(Instant now)
        {
            var clock = new FakeClock(now);
            var services = new ServiceCollection().AddSingleton<IClock>(clock).AddClaimReconcile();
            using var provider = services.BuildServiceProvider();
            var verdict = provider.GetRequiredService<Reconciler>().Reconcile(claims).Groups.Single().Verdict;
            Assert.True(clock.Calls > 0);
            return verdict;
        }

        Assert.Equal(Verdict.Agreement, VerdictOn(Instant.FromUtc(2025, 12, 20, 12, 0)));
        Assert.Equal(Verdict.Conflict, VerdictOn(Instant.FromUtc(2027, 6, 1, 12, 0)));
    }

    [Fact]
    public void AddClaimReconcile_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ClaimReconcileServiceCollectionExtensions.AddClaimReconcile(null!));
}
