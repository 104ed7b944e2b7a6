using ClaimReconcile.Tests.Support;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests;

/// <summary>The library's public surface is a promise: any change to it shows up here and must be accepted on purpose.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public Task PublicApi_MatchesSnapshot() => Verify(PublicApi.Describe(typeof(Reconciler).Assembly));
}
