using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace ClaimReconcile.Tests.Properties;

/// <summary>
/// The glue between FsCheck 3 (core package) and xunit: checks a property with a fixed seed, so every run tries the same
/// cases, and turns a falsified property into a test failure that prints the shrunk counterexample and the seed.
/// Set <c>CLAIMRECONCILE_PROPERTY_SEED</c> to try other cases, and <c>CLAIMRECONCILE_PROPERTY_TESTS</c> to try more.
/// </summary>
internal static class PropertyCheck
{
    public const string SeedVariable = "CLAIMRECONCILE_PROPERTY_SEED";
    public const string TestsVariable = "CLAIMRECONCILE_PROPERTY_TESTS";
    private const ulong DefaultSeed = 20251203;

    /// <summary>Checks that <paramref name="property"/> holds (returns without throwing) for every generated value.</summary>
    public static void Holds<T>(Arbitrary<T> cases, Action<T> property, int tests = 100, [CallerMemberName] string name = "")
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        tests = int.TryParse(Environment.GetEnvironmentVariable(TestsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : tests;
        var runner = new Runner();
        var config = Config.Quick
            .WithMaxTest(tests)
            .WithRunner(runner)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

        Check.One(name, config, Prop.ForAll(cases, property));

        if (runner.Failure is { } failure)
        {
            Assert.Fail($"{failure}\nSeed: {seed} (replay with {SeedVariable}={seed}).");
        }

        Assert.Equal(tests, runner.Tests);
    }

    /// <summary>Records the outcome instead of printing it.</summary>
    private sealed class Runner : IRunner
    {
        public string? Failure { get; private set; }

        public int Tests { get; private set; }

        public void OnStartFixture(Type type)
        {
        }

        public void OnArguments(int number, FSharpList<object> arguments, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> format) => Tests = number + 1;

        public void OnShrink(FSharpList<object> arguments, FSharpFunc<FSharpList<object>, string> format)
        {
        }

        public void OnFinished(string name, FsCheck.TestResult result)
        {
            if (!result.IsPassed)
            {
                Failure = FsCheck.Runner.onFinishedToString(name, result);
            }
        }
    }
}
