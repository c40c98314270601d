using System.Collections.Concurrent;
using System.Globalization;

namespace Switchboard.Telephony.Runtime;

/// <summary>
/// How simulated phones react when they ring. Defaults:
/// - an outside number answers after one ring (5 s);
/// - a device never answers an inbound ring on its own (the simulator answers for it), but takes its
///   own outbound leg at once, like a desk phone with auto-answer (call-out rings the caller's device first);
/// - reserved test numbers, like Twilio's magic numbers, script the far end:
///   +150055501NN answers after NN seconds, +15005550200 is busy, +15005550300 never answers,
///   +15005550400 rejects the call.
/// An override set with <see cref="SetNumber"/> or <see cref="SetDevice"/> applies to both directions.
/// </summary>
public sealed class CallBehaviours
{
    public static readonly TimeSpan OneRing = TimeSpan.FromSeconds(5);
    public static readonly Behaviour OutsideDefault = new(BehaviourKind.AnswerAfter, OneRing);
    public static readonly Behaviour DeviceRingDefault = new(BehaviourKind.NeverAnswer);
    public static readonly Behaviour DeviceOutboundDefault = new(BehaviourKind.AnswerAfter, TimeSpan.Zero);

    private const string MagicPrefix = "+1500555";
    private readonly ConcurrentDictionary<string, Behaviour> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Behaviour> _devices = new();

    public void SetNumber(string phoneNumber, Behaviour? behaviour)
    {
        if (behaviour is null) _numbers.TryRemove(phoneNumber, out _);
        else _numbers[phoneNumber] = behaviour;
    }

    public void SetDevice(long deviceId, Behaviour? behaviour)
    {
        if (behaviour is null) _devices.TryRemove(deviceId, out _);
        else _devices[deviceId] = behaviour;
    }

    public Behaviour OfNumber(string phoneNumber) =>
        _numbers.TryGetValue(phoneNumber, out var b) ? b : Magic(phoneNumber) ?? OutsideDefault;

    /// <summary>How the device reacts to an inbound ring.</summary>
    public Behaviour OfDeviceRing(long deviceId) => _devices.TryGetValue(deviceId, out var b) ? b : DeviceRingDefault;

    /// <summary>How the device reacts to its own outbound leg.</summary>
    public Behaviour OfDeviceOutbound(long deviceId) => _devices.TryGetValue(deviceId, out var b) ? b : DeviceOutboundDefault;

    /// <summary>The reserved test numbers; null for any other number.</summary>
    public static Behaviour? Magic(string phoneNumber)
    {
        if (phoneNumber.Length != MagicPrefix.Length + 4 || !phoneNumber.StartsWith(MagicPrefix, StringComparison.Ordinal))
            return null;
        var code = phoneNumber.AsSpan(MagicPrefix.Length);
        if (code is "0200") return new Behaviour(BehaviourKind.Busy);
        if (code is "0300") return new Behaviour(BehaviourKind.NeverAnswer);
        if (code is "0400") return new Behaviour(BehaviourKind.Reject);
        if (code.StartsWith("01") && int.TryParse(code[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.FromSeconds(seconds));
        return null;
    }
}
