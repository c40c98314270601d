using Microsoft.Extensions.Time.Testing;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using Switchboard.Tests.Telephony.Sessions;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>A call engine on the test account and a fake clock, with every event recorded.</summary>
public sealed class EngineHarness : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<TelephonyEvent> _events = [];

    public EngineHarness(Dictionary<string, RoutingPlan>? plans = null, TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(MachineDriver.Start);
        Engine = new CallEngine(new TestDirectory(TestAccount.Build()), Time, TestAccount.Routes(plans));
        _subscription = Engine.Subscribe(e => { lock (_events) _events.Add(e); });
    }

    public TimeProvider Time { get; }
    public CallEngine Engine { get; }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Moves the fake clock and waits until the timers it fired have been applied.</summary>
    public async Task AdvanceAsync(int seconds)
    {
        ((FakeTimeProvider)Time).Advance(TimeSpan.FromSeconds(seconds));
        await Engine.WhenIdleAsync();
    }

    public List<TelephonyEvent> EventsOf(string telephonySessionId)
    {
        lock (_events) return [.. _events.Where(e => e.TelephonySessionId == telephonySessionId)];
    }

    public string[] Trace(string telephonySessionId) => Telephony.Trace.Of(EventsOf(telephonySessionId));

    public static SessionView Ok(CallResult<SessionView> result)
    {
        Assert.Null(result.Error);
        return result.Value!;
    }
}
