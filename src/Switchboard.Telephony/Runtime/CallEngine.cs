using System.Collections.Concurrent;
using System.Globalization;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>
/// The in-process call engine: one <see cref="SessionActor"/> per live session, timers from the
/// injected <see cref="TimeProvider"/>, events to subscribers in each session's order.
/// </summary>
public sealed class CallEngine : ICallEngine
{
    private readonly IRoutingDirectory _directory;
    private readonly ConcurrentDictionary<string, SessionActor> _sessions = new(StringComparer.Ordinal);
    // Live RingOuts by their id (the session's numeric sessionId); ended ones move to _endedRingOuts.
    private readonly ConcurrentDictionary<string, SessionActor> _ringOuts = new(StringComparer.Ordinal);
    private readonly RingOutLog _endedRingOuts;
    private long _nextSessionId = 21_000_000_000;
    // The spec's park orbits: "*801" to "*899", at most 50 calls parked at once per account.
    private const int FirstOrbit = 801, LastOrbit = 899, MaxParked = 50;
    private readonly SemaphoreSlim _parking = new(1, 1);

    /// <param name="route">The routing decision; <see cref="Router.Route"/> unless a test or the benchmark passes its own plans.</param>
    /// <param name="recentEvents">How many events <see cref="RecentEvents"/> keeps.</param>
    /// <param name="endedRingOuts">How many ended RingOuts <see cref="FindRingOut"/> still finds.</param>
    public CallEngine(IRoutingDirectory directory, TimeProvider time, Func<RoutingRequest, RoutingPlan>? route = null, int recentEvents = 1000, int endedRingOuts = 1000)
    {
        _endedRingOuts = new RingOutLog(endedRingOuts);
        _directory = directory;
        Time = time;
        Behaviours = new CallBehaviours();
        Machine = new SessionMachine(new SessionRules(route ?? Router.Route, Behaviours));
        Hub = new EventHub(recentEvents);
    }

    public CallBehaviours Behaviours { get; }

    /// <summary>Live sessions, all accounts.</summary>
    public int LiveCount => _sessions.Count;

    internal TimeProvider Time { get; }
    internal SessionMachine Machine { get; }
    internal EventHub Hub { get; }
    internal ExtensionIndex Index { get; } = new();
    internal Activity Activity { get; } = new();

    public IDisposable Subscribe(Action<TelephonyEvent> handler) => Hub.Subscribe(handler);

    /// <summary>Completes when every command and fired timer queued so far has been applied (tests, the simulator's clock).</summary>
    public Task WhenIdleAsync() => Activity.WhenIdleAsync();

    public async Task<CallResult<SessionView>> PlaceInboundAsync(string from, string to, CancellationToken ct = default)
    {
        var account = await _directory.FindByNumberAsync(to, ct);
        if (account is null) return CallResult.Fail<SessionView>(CallError.NumberNotFound, $"No account has the number {to}.");
        return await Start(account, OriginType.Call, new StartInbound(from, to));
    }

    public async Task<CallResult<SessionView>> PlaceFromDeviceAsync(long accountId, long extensionId, long? deviceId, string to, OriginType origin = OriginType.Call, CancellationToken ct = default)
    {
        var account = await _directory.FindAccountAsync(accountId, ct);
        if (account is null) return CallResult.Fail<SessionView>(CallError.NumberNotFound, $"Account {accountId} is not known.");
        if (to.StartsWith("conf_", StringComparison.Ordinal))
            return Transition.SessionOfToken(to) is { } conference && _sessions.TryGetValue(conference, out var actor) && actor.State.Account.Id == accountId
                ? await Send(conference, new JoinConference(extensionId, deviceId), ct)
                : CallResult.Fail<SessionView>(CallError.NumberNotFound, "No live conference of the account has this voiceCallToken.");
        return await Start(account, origin, new StartFromDevice(extensionId, deviceId, to));
    }

    /// <summary>A conference with no party yet; its host joins by dialling its voiceCallToken (<see cref="PlaceFromDeviceAsync"/>).</summary>
    public async Task<CallResult<SessionView>> StartConferenceAsync(long accountId, long hostExtensionId, CancellationToken ct = default)
    {
        var account = await _directory.FindAccountAsync(accountId, ct);
        if (account is null) return CallResult.Fail<SessionView>(CallError.NumberNotFound, $"Account {accountId} is not known.");
        return await Start(account, OriginType.Conference, new StartConference(hostExtensionId));
    }

    public async Task<CallResult<RingOutView>> PlaceRingOutAsync(long accountId, long extensionId, string fromNumber, string toNumber, long? fromDeviceId = null, CancellationToken ct = default)
    {
        var account = await _directory.FindAccountAsync(accountId, ct);
        if (account is null) return CallResult.Fail<RingOutView>(CallError.NumberNotFound, $"Account {accountId} is not known.");
        var started = await Start(account, OriginType.RingOut, new StartRingOut(extensionId, fromNumber, fromDeviceId, toNumber));
        if (started.Value is not { } session) return CallResult.Fail<RingOutView>(started.Error!.Value, started.Message ?? "The RingOut could not start.");
        // Found even if it already ended (a busy first leg): the session's writer logs it before the start completes.
        return FindRingOut(session.SessionId) is { } view
            ? CallResult.Ok(view)
            : CallResult.Fail<RingOutView>(CallError.SessionNotFound, "The RingOut has ended and is no longer known.");
    }

    public RingOutView? FindRingOut(string ringOutId) =>
        _ringOuts.TryGetValue(ringOutId, out var actor) && actor.State.ToRingOutView() is { } live ? live : _endedRingOuts.Find(ringOutId);

    public async Task<CallResult<RingOutView>> CancelRingOutAsync(string ringOutId, CancellationToken ct = default)
    {
        if (_ringOuts.TryGetValue(ringOutId, out var actor) && actor.State is { Ended: false, Parties.Length: > 0 } s)
        {
            // Hanging up the user's own leg ends everything, with the statuses the guide gives a cancel.
            var result = await Send(s.TelephonySessionId, new HangUpParty(s.Parties[0].Id), ct);
            if (result.Error is { } error && error != CallError.InvalidState && error != CallError.SessionNotFound)
                return CallResult.Fail<RingOutView>(error, result.Message ?? error.ToString());
        }
        return FindRingOut(ringOutId) is { } view ? CallResult.Ok(view) : CallResult.Fail<RingOutView>(CallError.SessionNotFound, $"RingOut {ringOutId} is not known.");
    }

    public Task<CallResult<SessionView>> AnswerAsync(string telephonySessionId, string partyId, long? deviceId, CancellationToken ct = default) =>
        Send(telephonySessionId, new AnswerParty(partyId, deviceId), ct);

    public Task<CallResult<SessionView>> DeclineAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new DeclineParty(partyId), ct);

    public Task<CallResult<SessionView>> HangUpAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new HangUpParty(partyId), ct);

    public Task<CallResult<SessionView>> SendDigitsAsync(string telephonySessionId, string partyId, string digits, CancellationToken ct = default) =>
        Send(telephonySessionId, new SendDigits(partyId, digits), ct);

    public Task<CallResult<SessionView>> DropCallAsync(string telephonySessionId, CancellationToken ct = default) =>
        Send(telephonySessionId, DropCall.Instance, ct);

    public Task<CallResult<SessionView>> AnswerOnDeviceAsync(string telephonySessionId, string partyId, long deviceId, CancellationToken ct = default) =>
        Send(telephonySessionId, new AnswerOnDevice(partyId, deviceId), ct);

    public Task<CallResult<SessionView>> HoldAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new HoldParty(partyId), ct);

    public Task<CallResult<SessionView>> UnholdAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new UnholdParty(partyId), ct);

    public Task<CallResult<SessionView>> UpdatePartyAsync(string telephonySessionId, string partyId, bool? muted, bool? standAlone, CancellationToken ct = default) =>
        Send(telephonySessionId, new UpdateParty(partyId, muted, standAlone), ct);

    public Task<CallResult<SessionView>> RejectAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new RejectParty(partyId), ct);

    public Task<CallResult<SessionView>> IgnoreAsync(string telephonySessionId, string partyId, long deviceId, CancellationToken ct = default) =>
        Send(telephonySessionId, new IgnoreParty(partyId, deviceId), ct);

    public Task<CallResult<SessionView>> RemovePartyAsync(string telephonySessionId, string partyId, bool keepConferenceAlive = false, CancellationToken ct = default) =>
        Send(telephonySessionId, new RemoveParty(partyId, keepConferenceAlive), ct);

    public Task<CallResult<SessionView>> ForwardAsync(string telephonySessionId, string partyId, MoveTarget target, CancellationToken ct = default) =>
        Send(telephonySessionId, new ForwardParty(partyId, target), ct);

    public Task<CallResult<SessionView>> TransferAsync(string telephonySessionId, string partyId, MoveTarget target, CancellationToken ct = default) =>
        Send(telephonySessionId, new TransferParty(partyId, target), ct);

    /// <summary>
    /// Orbits are shared by the account's calls, so parks are applied one at a time: the orbits in use
    /// are read from the live sessions, the first free one is given to the session, and the next park
    /// waits until this one is applied. A call leaving its orbit only frees it, so no other command waits.
    /// </summary>
    public async Task<CallResult<SessionView>> ParkAsync(string telephonySessionId, string partyId, CancellationToken ct = default)
    {
        if (!_sessions.TryGetValue(telephonySessionId, out var actor))
            return CallResult.Fail<SessionView>(CallError.SessionNotFound, $"Session {telephonySessionId} is not live.");
        await _parking.WaitAsync(ct);
        try
        {
            var accountId = actor.State.Account.Id;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var parked = 0;
            foreach (var other in _sessions.Values)
            {
                var s = other.State;
                if (s.Account.Id != accountId || s.Ended) continue;
                foreach (var p in s.Parties)
                {
                    if (p.Status != PartyStatus.Parked || p.Park is null) continue;
                    parked++;
                    used.Add(p.Park.Id);
                }
            }
            if (parked >= MaxParked)
                return CallResult.Fail<SessionView>(CallError.InvalidState, $"{MaxParked} calls of the account are parked already; pick one up first.");
            var orbit = Enumerable.Range(FirstOrbit, LastOrbit - FirstOrbit + 1)
                .Select(n => "*" + n.ToString(CultureInfo.InvariantCulture))
                .First(o => !used.Contains(o));
            return await Send(telephonySessionId, new ParkParty(partyId, orbit), ct);
        }
        finally
        {
            _parking.Release();
        }
    }

    public Task<CallResult<SessionView>> PickUpAsync(string telephonySessionId, string partyId, long deviceId, long? extensionId, CancellationToken ct = default) =>
        Send(telephonySessionId, new PickUpParty(partyId, deviceId, extensionId), ct);

    public Task<CallResult<SessionView>> FlipAsync(string telephonySessionId, string partyId, int flipNumber, CancellationToken ct = default) =>
        Send(telephonySessionId, new FlipParty(partyId, flipNumber), ct);

    public Task<CallResult<SessionView>> StartRecordingAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new StartRecording(partyId), ct);

    public Task<CallResult<SessionView>> SetRecordingAsync(string telephonySessionId, string partyId, string recordingId, bool active, CancellationToken ct = default) =>
        Send(telephonySessionId, new SetRecording(partyId, recordingId, active), ct);

    public Task<CallResult<SessionView>> ReplyAsync(string telephonySessionId, string partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new ReplyToCaller(partyId), ct);

    public Task<CallResult<SessionView>> SuperviseAsync(string telephonySessionId, CallEndpoint supervisor, long agentExtensionId, string? partyId, CancellationToken ct = default) =>
        Send(telephonySessionId, new Supervise(supervisor, agentExtensionId, partyId), ct);

    public async Task<CallResult<SessionView>> BridgeAsync(string telephonySessionId, string partyId, string targetSessionId, string targetPartyId, CancellationToken ct = default)
    {
        if (telephonySessionId == targetSessionId) return CallResult.Fail<SessionView>(CallError.InvalidTarget, "A call cannot be bridged with itself.");
        if (!_sessions.TryGetValue(telephonySessionId, out var source))
            return CallResult.Fail<SessionView>(CallError.SessionNotFound, $"Session {telephonySessionId} is not live.");
        if (!_sessions.TryGetValue(targetSessionId, out var target) || target.State is { Ended: true } or { Parties.Length: 0 })
            return CallResult.Fail<SessionView>(CallError.InvalidTarget, $"Session {targetSessionId} is not live.");
        var to = target.State;
        if (source.State.Account.Id != to.Account.Id) return CallResult.Fail<SessionView>(CallError.InvalidTarget, $"Session {targetSessionId} is another account's.");
        var away = new BridgeAway(partyId, new SessionRef(to.TelephonySessionId, to.SessionId), targetPartyId, JoinedPartyId: "");
        var (left, _) = await MoveAcrossAsync(source, away, target,
            from => new BridgeIn(targetPartyId, from.FindParty(partyId)!.ExtensionId!.Value, Transition.BridgedPeer(from, partyId)!), ct);
        return left;
    }

    public async Task<CallResult<SessionView>> BringInAsync(string conferenceSessionId, string telephonySessionId, string partyId, CancellationToken ct = default)
    {
        if (!_sessions.TryGetValue(conferenceSessionId, out var conference) || conference.State is { Ended: true })
            return CallResult.Fail<SessionView>(CallError.SessionNotFound, $"Session {conferenceSessionId} is not live.");
        if (telephonySessionId == conferenceSessionId || !_sessions.TryGetValue(telephonySessionId, out var source) || source.State is { Ended: true } or { Parties.Length: 0 })
            return CallResult.Fail<SessionView>(CallError.InvalidTarget, $"Session {telephonySessionId} is not a live call to bring in.");
        var to = conference.State;
        if (source.State.Account.Id != to.Account.Id) return CallResult.Fail<SessionView>(CallError.InvalidTarget, $"Session {telephonySessionId} is another account's.");
        var host = to.Parties.FirstOrDefault(p => p.ConferenceRole == ConferenceRole.Host && p.Status is not (PartyStatus.Disconnected or PartyStatus.Gone));
        var away = new BridgeAway(partyId, new SessionRef(to.TelephonySessionId, to.SessionId), host?.Id ?? "", JoinedPartyId: "", Reason: "Conference");
        var (left, joined) = await MoveAcrossAsync(source, away, conference,
            from => new ConferenceBringIn(from.FindParty(partyId)!.ExtensionId!.Value, Transition.BridgedPeer(from, partyId)!), ct);
        return left.Error is null && joined is not null ? CallResult.Ok(joined) : left;
    }

    /// <summary>
    /// A bridge or a bring-in, two sessions and two writers: both commands are first decided on the
    /// current states (a refusal changes nothing; <paramref name="join"/> is built once the source has
    /// accepted <paramref name="away"/>), then the target admits the moving party and the source lets
    /// it go. If the source changed in between (its call ended at that instant), the party admitted
    /// hangs up again. Returns the source as it ended and the target as it admitted the party.
    /// </summary>
    private async Task<(CallResult<SessionView> Left, SessionView? Joined)> MoveAcrossAsync(
        SessionActor source, BridgeAway away, SessionActor target, Func<SessionState, SessionCommand> join, CancellationToken ct)
    {
        var (from, now) = (source.State, Time.GetUtcNow());
        var check = Machine.Decide(from, away, now);
        if (check.Error is { } refused) return (CallResult.Fail<SessionView>(refused, check.Message ?? refused.ToString()), null);
        var admit = join(from);
        check = Machine.Decide(target.State, admit, now);
        if (check.Error is { } refusedThere) return (CallResult.Fail<SessionView>(refusedThere, check.Message ?? refusedThere.ToString()), null);

        var targetId = target.State.TelephonySessionId;
        var joined = await Send(targetId, admit, ct);
        if (joined.Value is not { } after) return (joined, null);
        // Past this point the move is half made: it is finished (or undone) whatever the caller's token says.
        var joinedId = after.Parties[^1].Id; // both admissions append the party they admit
        var left = await Send(from.TelephonySessionId, away with { JoinedPartyId = joinedId }, CancellationToken.None);
        if (left.Error is not null) await Send(targetId, new HangUpParty(joinedId), CancellationToken.None);
        return (left, after);
    }

    public SessionView? Find(string telephonySessionId) =>
        _sessions.TryGetValue(telephonySessionId, out var actor) && actor.State is { Ended: false } s && Shown(s) ? s.ToView() : null;

    /// <summary>A call is shown once it has a party; a conference from its start.</summary>
    private static bool Shown(SessionState s) => s.Parties.Length > 0 || s.Conference is not null;

    public IReadOnlyList<SessionView> Live(long? accountId = null)
    {
        var list = new List<SessionView>();
        foreach (var actor in _sessions.Values)
        {
            var s = actor.State;
            if (Shown(s) && !s.Ended && (accountId is null || s.Account.Id == accountId)) list.Add(s.ToView());
        }
        return list;
    }

    public IReadOnlyList<ActiveCall> ActiveCalls(long extensionId)
    {
        var list = new List<ActiveCall>();
        foreach (var actor in Index.Of(extensionId))
        {
            var s = actor.State;
            foreach (var p in s.Parties)
            {
                if (p.ExtensionId != extensionId || ExtensionIndex.TelephonyStatus(p) is not { } status) continue;
                list.Add(new ActiveCall(s.TelephonySessionId, s.SessionId, p.Id, p.Direction, p.From.PhoneNumber, p.From.Name, p.To.PhoneNumber, p.To.Name, status, s.CreationTime));
            }
        }
        return list;
    }

    public void SetBehaviour(string phoneNumber, Behaviour? behaviour) => Behaviours.SetNumber(phoneNumber, behaviour);
    public void SetDeviceBehaviour(long deviceId, Behaviour? behaviour) => Behaviours.SetDevice(deviceId, behaviour);
    public Behaviour BehaviourOf(string phoneNumber) => Behaviours.OfNumber(phoneNumber);
    public Behaviour DeviceBehaviourOf(long deviceId) => Behaviours.OfDeviceRing(deviceId);

    public IReadOnlyList<TelephonyEvent> RecentEvents(int count) => Hub.Recent(count);

    internal void Forget(SessionActor actor)
    {
        var state = actor.State;
        // Logged before it leaves the live table, so a reader always finds it in one or the other.
        if (state.Ended && state.ToRingOutView() is { } ended) _endedRingOuts.Add(ended);
        _ringOuts.TryRemove(state.SessionId, out _);
        _sessions.TryRemove(state.TelephonySessionId, out _);
    }

    private Task<CallResult<SessionView>> Start(AccountSnapshot account, OriginType origin, SessionCommand start)
    {
        var telephonySessionId = "s-" + Guid.NewGuid().ToString("N");
        var sessionId = Interlocked.Increment(ref _nextSessionId).ToString(CultureInfo.InvariantCulture);
        var actor = new SessionActor(this, SessionState.New(telephonySessionId, sessionId, account, origin, Time.GetUtcNow()));
        _sessions[telephonySessionId] = actor;
        if (start is StartRingOut) _ringOuts[sessionId] = actor;
        var mail = new CommandMail(start);
        actor.Post(mail);
        return mail.Task;
    }

    private Task<CallResult<SessionView>> Send(string telephonySessionId, SessionCommand command, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<CallResult<SessionView>>(ct);
        if (!_sessions.TryGetValue(telephonySessionId, out var actor))
            return Task.FromResult(CallResult.Fail<SessionView>(CallError.SessionNotFound, $"Session {telephonySessionId} is not live."));
        var mail = new CommandMail(command);
        actor.Post(mail);
        return mail.Task;
    }
}
