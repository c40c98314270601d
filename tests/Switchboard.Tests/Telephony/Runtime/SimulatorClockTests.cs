using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using Switchboard.Tests.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

public sealed class SimulatorClockTests
{
    private static readonly DateTimeOffset T0 = MachineDriver.Start;

    [Fact]
    public void Manual_Advance_FiresTimersInDueOrderAtTheirOwnTime()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        var fired = new List<(string Name, DateTimeOffset At)>();
        foreach (var (name, seconds) in new[] { ("five", 5), ("one", 1), ("three", 3), ("later", 30) })
            clock.CreateTimer(_ => fired.Add((name, clock.GetUtcNow())), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([("one", T0.AddSeconds(1)), ("three", T0.AddSeconds(3)), ("five", T0.AddSeconds(5))], fired);
        Assert.Equal(T0.AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void Manual_TimerStartedByACallback_FiresInTheSameAdvanceWhenDue()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        var fired = new List<DateTimeOffset>();
        clock.CreateTimer(_ =>
        {
            fired.Add(clock.GetUtcNow());
            clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([T0.AddSeconds(1), T0.AddSeconds(3)], fired);
    }

    /// <summary>The engine applies a fired timer on another thread; a timer it starts must count from the firing, not from the end of the advance.</summary>
    [Fact]
    public async Task Manual_AdvanceAsync_TimerStartedWhileSettling_CountsFromItsFiring()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        var fired = new List<DateTimeOffset>();
        var started = new List<Action>();
        void Ring(int left) => clock.CreateTimer(_ =>
        {
            fired.Add(clock.GetUtcNow());
            if (left > 1) started.Add(() => Ring(left - 1)); // applied later, as a session's writer would
        }, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        Ring(3);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(35), () =>
        {
            foreach (var start in started.ToList()) start();
            started.Clear();
            return Task.CompletedTask;
        });

        Assert.Equal([T0.AddSeconds(10), T0.AddSeconds(20), T0.AddSeconds(30)], fired);
        Assert.Equal(T0.AddSeconds(35), clock.GetUtcNow());
    }

    [Fact]
    public void Manual_ChangedDisposedAndPeriodicTimers()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        var log = new List<string>();
        var moved = clock.CreateTimer(_ => log.Add("moved"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var gone = clock.CreateTimer(_ => log.Add("gone"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var tick = clock.CreateTimer(_ => log.Add("tick"), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        moved.Change(TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);
        gone.Dispose();

        clock.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(["tick", "moved", "tick", "tick"], log);
    }

    [Fact]
    public async Task Scaled_TimerFiresAfterTheScaledRealDelay()
    {
        using var clock = new SimulatorClock(ClockMode.Scaled, factor: 1000, start: T0);
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(clock.GetUtcNow()), null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);

        var at = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10)); // 20 virtual seconds are 20 ms of real time

        Assert.True(at >= T0.AddSeconds(20), $"fired at {at:O}");
    }

    [Fact]
    public void RealTime_FollowsTheSystemClock_AndAdvanceJumpsAhead()
    {
        using var clock = new SimulatorClock();
        Assert.True((clock.GetUtcNow() - TimeProvider.System.GetUtcNow()).Duration() < TimeSpan.FromSeconds(1));
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.True(fired);
        Assert.True(clock.GetUtcNow() - TimeProvider.System.GetUtcNow() > TimeSpan.FromMinutes(59));
    }

    [Fact]
    public void SetMode_SwitchesWithoutAJump()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        clock.Advance(TimeSpan.FromMinutes(1));
        clock.SetMode(ClockMode.Scaled, 10);
        Assert.Equal((ClockMode.Scaled, 10.0), (clock.Mode, clock.Factor));
        Assert.True(clock.GetUtcNow() - T0.AddMinutes(1) < TimeSpan.FromSeconds(30));
        clock.SetMode(ClockMode.Manual);
        var frozen = clock.GetUtcNow();
        Assert.Equal(frozen, clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetMode(ClockMode.Scaled, 0));
    }

    [Fact]
    public async Task Engine_OnManualClock_RingsToVoicemailWhenAdvanced()
    {
        using var clock = new SimulatorClock(ClockMode.Manual, start: T0);
        using var h = new EngineHarness(time: clock);
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));

        clock.Advance(TimeSpan.FromSeconds(20));
        await h.Engine.WhenIdleAsync();

        Assert.Equal(PartyStatus.VoiceMail, h.Engine.Find(call.TelephonySessionId)!.Parties[1].Status);
        Assert.Equal(T0.AddSeconds(20), h.EventsOf(call.TelephonySessionId)[^1].EventTime);
    }
}
