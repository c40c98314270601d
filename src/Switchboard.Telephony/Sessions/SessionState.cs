using Switchboard.Telephony.Routing;

namespace Switchboard.Telephony.Sessions;

/// <summary>What the call is doing now; every command is read against it.</summary>
public enum CallPhase
{
    /// <summary>Placed from a device that has not taken its own leg yet (call-out rings the caller's phone first).</summary>
    DeviceSetup,
    /// <summary>RingOut: the user's own phone rings first; the number called is dialled when it answers.</summary>
    RingOutFirstLeg,
    /// <summary>A ring step of the plan: legs ring, the first to answer takes the call.</summary>
    Ringing,
    /// <summary>An IVR menu waits for digits.</summary>
    Menu,
    /// <summary>An announcement plays, then the call ends.</summary>
    Announcement,
    VoiceMail,
    Parked,
    Connected,
    Ended,
}

public enum LegStatus { Waiting, Ringing, Dropped }

/// <summary>One leg of the current ring step, and the party it rings for once it rings.</summary>
public readonly record struct LegRun(int Key, RingLeg Leg, string? PartyId, LegStatus Status);

public enum TimerPurpose { StepTimeout, LegJoin, LegAnswer, DeviceAnswer, ConferenceJoin }

/// <summary>A supervisor listening to the call (<see cref="MonitoredPartyId"/> null) or to one of its parties.</summary>
public readonly record struct Supervision(string PartyId, long SupervisorExtensionId, string? MonitoredPartyId);

/// <summary>A timer the session asked for; a firing whose token is no longer here is stale and ignored.</summary>
public readonly record struct SessionTimer(int Token, TimerPurpose Purpose, int LegKey);

/// <summary>
/// A session as its one writer holds it. Never changed once built: <see cref="SessionMachine.Decide"/>
/// returns a new one (arrays are copied on write), so readers on other threads see a consistent value.
/// </summary>
public sealed class SessionState
{
    public required string TelephonySessionId { get; init; }
    public required string SessionId { get; init; }
    public required AccountSnapshot Account { get; init; }
    public required OriginType Origin { get; init; }
    public required DateTimeOffset CreationTime { get; init; }

    /// <summary>In join order; index 0 is the caller once started.</summary>
    public Party[] Parties { get; internal set; } = [];
    /// <summary>
    /// The party the plan runs for, answered when a ring step is answered and disconnected last: 0,
    /// until a transfer, park or flip by that party's own side hands the call to the other side.
    /// </summary>
    public int CallerIndex { get; internal set; }
    /// <summary>The last sequence number given to an event.</summary>
    public long Sequence { get; internal set; }
    public CallPhase Phase { get; internal set; } = CallPhase.DeviceSetup;
    public RoutingPlan? Plan { get; internal set; }
    public int Step { get; internal set; }
    public LegRun[] Legs { get; internal set; } = [];
    public SessionTimer[] Timers { get; internal set; } = [];
    public int NextToken { get; internal set; }
    /// <summary>Plans replaced by a forward or an IVR choice; bounded so a forwarding loop ends.</summary>
    public int Reroutes { get; internal set; }
    /// <summary>The caller as other parties see it (number, name, extension; no device).</summary>
    public CallEndpoint Caller { get; internal set; } = new(null);
    /// <summary>The number dialled, and the extension it reached first.</summary>
    public string CalledNumber { get; internal set; } = "";
    public long? CalledExtensionId { get; internal set; }
    /// <summary>The IVR menu, announcement or park party the current step created.</summary>
    public string? SystemPartyId { get; internal set; }
    /// <summary>Set for RingOut sessions only.</summary>
    public RingOutInfo? RingOut { get; internal set; }
    /// <summary>Set for conference sessions only (POST .../telephony/conference).</summary>
    public ConferenceInfo? Conference { get; internal set; }
    /// <summary>Supervisors' parties (Call Control's supervise), in the order they joined.</summary>
    public Supervision[] Supervisions { get; internal set; } = [];

    public bool Ended => Phase == CallPhase.Ended;

    public static SessionState New(string telephonySessionId, string sessionId, AccountSnapshot account, OriginType origin, DateTimeOffset now) =>
        new() { TelephonySessionId = telephonySessionId, SessionId = sessionId, Account = account, Origin = origin, CreationTime = now };

    internal SessionState Clone() => (SessionState)MemberwiseClone();

    public SessionView ToView() => new(TelephonySessionId, SessionId, Account.Id, Origin, CreationTime, Parties, Conference);

    /// <summary>The RingOut this session is, as the ring-out API shows it; null for other calls.</summary>
    public RingOutView? ToRingOutView() =>
        RingOut is { } r ? new RingOutView(SessionId, Account.Id, r.ExtensionId, TelephonySessionId, r.StatusIn(Phase)) : null;

    public Party? FindParty(string partyId)
    {
        foreach (var p in Parties)
            if (p.Id == partyId) return p;
        return null;
    }
}
