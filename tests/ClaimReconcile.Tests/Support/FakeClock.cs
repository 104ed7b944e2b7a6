using NodaTime;

namespace ClaimReconcile.Tests.Support;

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public int Calls { get; private set; }

    public Instant GetCurrentInstant()
    {
        Calls++;
        return now;
    }
}
