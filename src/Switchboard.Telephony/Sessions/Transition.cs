namespace Switchboard.Telephony.Sessions;

/// <summary>An expected refusal of a command; the state stays as it was.</summary>
internal readonly record struct Failure(Runtime.CallError Error, string Message);

/// <summary>
/// Applies one command to a copy of a session: the primitives (parties, events, timers, legs). Arrays
/// are copied on their first write, so the state passed in is never changed and a decision stays a
/// pure function of (state, command, now). The plan and the commands are in the other partial files.
/// </summary>
internal sealed partial class Transition
{
    private readonly SessionRules _rules;
    private readonly DateTimeOffset _now;
    private readonly SessionState _s;
    private List<TelephonyEvent>? _events;
    private List<TimerStart>? _starts;
    private List<int>? _cancels;
    private bool _partiesOwned;
    private bool _legsOwned;

    public Transition(SessionRules rules, SessionState from, DateTimeOffset now)
    {
        _rules = rules;
        _now = now;
        _s = from.Clone();
    }

    public Decision Done() =>
        _events is null && _starts is null && _cancels is null
            ? new Decision(_s, SessionEffects.None)
            : new Decision(_s, new SessionEffects(_events ?? [], _starts ?? [], _cancels ?? []));

    private Party[] Parties => _s.Parties;

    private int IndexOf(string partyId)
    {
        var parties = _s.Parties;
        for (var i = 0; i < parties.Length; i++)
            if (parties[i].Id == partyId) return i;
        return -1;
    }

    private static bool IsLive(PartyStatus status) => status is not (PartyStatus.Disconnected or PartyStatus.Gone);

    private static bool IsRinging(Party p) => p.Direction == CallDirection.Inbound && p.Status is PartyStatus.Setup or PartyStatus.Proceeding;

    private string NextPartyId() => string.Concat("p-", _s.TelephonySessionId.AsSpan(2), "-", (_s.Parties.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A new party joins with its first status, published as its first event.</summary>
    private int Add(long? extensionId, CallDirection direction, CallEndpoint from, CallEndpoint to, PartyStatus status)
    {
        // A RingOut's first party is the user's own phone; everyone the second leg reaches is its target.
        RingOutRole? role = _s.RingOut is null ? null : _s.Parties.Length == 0 ? RingOutRole.Initiator : RingOutRole.Target;
        return Append(new Party(NextPartyId(), _s.Account.Id, extensionId, direction, from, to, status, RingOutRole: role));
    }

    /// <summary>A party built by the caller (its id from <see cref="NextPartyId"/>) joins; its state is its first event.</summary>
    private int Append(Party party)
    {
        var old = _s.Parties;
        var parties = new Party[old.Length + 1];
        old.CopyTo(parties, 0);
        _s.Parties = parties;
        _partiesOwned = true;
        Put(old.Length, party);
        return old.Length;
    }

    /// <summary>
    /// A party's status changes. missedCall follows the platform: an inbound party of an extension
    /// that rang or went to voicemail and was never answered; not when another party took the call.
    /// </summary>
    private void SetStatus(int index, PartyStatus status, string? reason = null, bool answeredElsewhere = false, ParkInfo? park = null)
    {
        var p = _s.Parties[index];
        // The user's own phone in a RingOut rings for a call they placed: never a missed call.
        var missed = p.MissedCall || (p.Direction == CallDirection.Inbound && p.ExtensionId is not null && !answeredElsewhere && p.RingOutRole != RingOutRole.Initiator
            && (status == PartyStatus.VoiceMail || (status == PartyStatus.Disconnected && p.Status == PartyStatus.Proceeding)));
        Put(index, p with { Status = status, Reason = reason, MissedCall = missed, Park = park ?? p.Park });
    }

    private void Put(int index, Party party)
    {
        if (!_partiesOwned)
        {
            _s.Parties = (Party[])_s.Parties.Clone();
            _partiesOwned = true;
        }
        _s.Parties[index] = party;
        _s.Sequence++;
        (_events ??= []).Add(new TelephonyEvent(_s.Account.Id, _s.TelephonySessionId, _s.SessionId, _s.Sequence, _now, _s.Origin, party));
    }

    private void StartTimer(TimerPurpose purpose, TimeSpan due, int legKey = -1)
    {
        var token = ++_s.NextToken;
        var old = _s.Timers;
        var timers = new SessionTimer[old.Length + 1];
        old.CopyTo(timers, 0);
        timers[old.Length] = new SessionTimer(token, purpose, legKey);
        _s.Timers = timers;
        (_starts ??= []).Add(new TimerStart(token, due < TimeSpan.Zero ? TimeSpan.Zero : due));
    }

    private void CancelAllTimers()
    {
        if (_s.Timers.Length == 0) return;
        _cancels ??= [];
        foreach (var t in _s.Timers) _cancels.Add(t.Token);
        _s.Timers = [];
    }

    /// <summary>Cancels the timers that belong to one leg (its join or its scripted answer).</summary>
    private void CancelLegTimers(int legKey)
    {
        var any = false;
        foreach (var t in _s.Timers) any |= t.LegKey == legKey;
        if (!any) return;
        var keep = new List<SessionTimer>(_s.Timers.Length);
        foreach (var t in _s.Timers)
        {
            if (t.LegKey == legKey) (_cancels ??= []).Add(t.Token);
            else keep.Add(t);
        }
        _s.Timers = [.. keep];
    }

    /// <summary>Removes a fired timer; false when it was cancelled after it fired (a stale firing).</summary>
    private bool TakeTimer(int token, out SessionTimer timer)
    {
        var i = _s.Timers.Length - 1;
        while (i >= 0 && _s.Timers[i].Token != token) i--;
        if (i < 0)
        {
            timer = default;
            return false;
        }
        timer = _s.Timers[i];
        var timers = new SessionTimer[_s.Timers.Length - 1];
        Array.Copy(_s.Timers, 0, timers, 0, i);
        Array.Copy(_s.Timers, i + 1, timers, i, timers.Length - i);
        _s.Timers = timers;
        return true;
    }

    private void SetLeg(int key, LegStatus status, string? partyId)
    {
        if (!_legsOwned)
        {
            _s.Legs = (LegRun[])_s.Legs.Clone();
            _legsOwned = true;
        }
        _s.Legs[key] = _s.Legs[key] with { Status = status, PartyId = partyId };
    }

    private void ClearLegs()
    {
        _s.Legs = [];
        _legsOwned = false;
    }
}
