using System.Text.Json;

namespace ClaimReconcile.Tests.Cli;

/// <summary>
/// The command line's runtime settings (ClaimReconcile.Cli.csproj), as the build writes them into the
/// <c>runtimeconfig.json</c> that ships beside it. Each was measured on a million-claim run (docs/performance.md,
/// "The command line's runtime settings"); a project change that drops one shows here, not only in a benchmark.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ClaimReconcile.Cli.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void RuntimeConfig_CollectsOnBothHeapsFromTheStart_WithABoundedYoungestGeneration()
    {
        var properties = ConfigProperties();

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.Equal("0x10000000", properties.GetProperty("System.GC.Gen0MaxBudget").GetString());
    }

    [Fact]
    public void RuntimeConfig_TurnsTieredPgoOff_AndTiersUpWithoutDelay()
    {
        var properties = ConfigProperties();

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
