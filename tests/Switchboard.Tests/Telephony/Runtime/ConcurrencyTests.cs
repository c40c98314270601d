using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>One writer per session: commands from many threads apply one at a time, in order.</summary>
public sealed class ConcurrencyTests
{
    private const int Legs = 40;

    // A call that rings 40 outside phones at once (each its own party), none answering on its own.
    private static EngineHarness ManyLegs(out string[] numbers)
    {
        var phones = Enumerable.Range(0, Legs).Select(i => $"+1415555{i:0000}").ToArray();
        numbers = phones;
        var plan = new RoutingPlan(null, "test", [Ring(60, [.. phones.Select(n => Outside(n))]), End(EndKind.Disconnect)], []);
        var h = new EngineHarness(new() { [AliceNumber] = plan });
        foreach (var n in phones) h.Engine.SetBehaviour(n, new Behaviour(BehaviourKind.NeverAnswer));
        return h;
    }

    private static void AssertStrictlyIncreasingFromOne(List<TelephonyEvent> events)
    {
        for (var i = 0; i < events.Count; i++) Assert.Equal(i + 1, events[i].Sequence);
    }

    [Fact]
    public async Task ConcurrentDeclines_OneSession_SequencesInOrderWithoutGaps()
    {
        using var h = ManyLegs(out _);
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        var id = call.TelephonySessionId;

        var results = await Task.WhenAll(call.Parties.Skip(1).Select(p => Task.Run(() => h.Engine.DeclineAsync(id, p.Id))));

        Assert.All(results, r => Assert.Null(r.Error));
        var events = h.EventsOf(id);
        AssertStrictlyIncreasingFromOne(events);
        // 1 caller Setup, 40 Proceeding, caller Proceeding, 40 Disconnected, then the caller.
        Assert.Equal(1 + Legs + 1 + Legs + 1, events.Count);
        Assert.Null(h.Engine.Find(id));
    }

    [Fact]
    public async Task ConcurrentAnswers_OneSession_ExactlyOneWins()
    {
        using var h = ManyLegs(out _);
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        var id = call.TelephonySessionId;

        var results = await Task.WhenAll(call.Parties.Skip(1).Select(p => Task.Run(() => h.Engine.AnswerAsync(id, p.Id, null))));

        Assert.Single(results, r => r.Error is null);
        Assert.Equal(Legs - 1, results.Count(r => r.Error == CallError.InvalidState));
        var events = h.EventsOf(id);
        AssertStrictlyIncreasingFromOne(events);
        Assert.Equal(1, events.Count(e => e.Party.Status == PartyStatus.Answered && e.Party.Direction == CallDirection.Inbound));
        Assert.Equal(Legs - 1, events.Count(e => e.Party.Status == PartyStatus.Disconnected));
    }

    [Fact]
    public async Task ManyCallsInParallel_EachSessionInOrder_AllEnd()
    {
        using var h = new EngineHarness();
        const int Calls = 300;

        var ids = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(async () =>
        {
            var call = Ok(await h.Engine.PlaceInboundAsync($"+1212555{i:0000}", i % 2 == 0 ? AliceNumber : BobNumber));
            Ok(await h.Engine.AnswerAsync(call.TelephonySessionId, call.Parties[1].Id, null));
            Ok(await h.Engine.HangUpAsync(call.TelephonySessionId, call.Parties[i % 2].Id));
            return call.TelephonySessionId;
        })));

        Assert.Equal(Calls, ids.Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered", "p2 Disconnected", "p1 Disconnected"], h.Trace(id));
            AssertStrictlyIncreasingFromOne(h.EventsOf(id));
        }
        Assert.Equal(0, h.Engine.LiveCount);
        Assert.Empty(h.Engine.ActiveCalls(Alice));
        Assert.Empty(h.Engine.ActiveCalls(Bob));
    }

    [Fact]
    public async Task TimersAndCommandsRacing_OneSession_StillOneOrder()
    {
        using var h = ManyLegs(out var numbers);
        // Half the phones answer after 5 s; the other half are declined from many threads at the same moment.
        foreach (var n in numbers.Take(Legs / 2)) h.Engine.SetBehaviour(n, new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.FromSeconds(5)));
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        var id = call.TelephonySessionId;

        var declines = call.Parties.Skip(1 + Legs / 2).Select(p => Task.Run(() => h.Engine.DeclineAsync(id, p.Id))).ToArray();
        await h.AdvanceAsync(5);
        await Task.WhenAll(declines);
        await h.Engine.WhenIdleAsync();

        var events = h.EventsOf(id);
        AssertStrictlyIncreasingFromOne(events);
        Assert.Equal(1, events.Count(e => e.Party.Status == PartyStatus.Answered && e.Party.Direction == CallDirection.Inbound));
    }
}
