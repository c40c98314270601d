using Switchboard.Http;
using Switchboard.Telephony.Runtime;

namespace Switchboard.CallControl;

public static class CallErrors
{
    /// <summary>The engine's failure as the RingCentral error a client expects; <paramref name="target"/> names the parameter that pointed nowhere.</summary>
    public static ApiError Of<T>(CallResult<T> result, string target = "to") => result.Error switch
    {
        CallError.NumberNotFound => Errors.NotFound(target),
        CallError.SessionNotFound => Errors.NotFound("telephonySessionId"),
        CallError.PartyNotFound => Errors.NotFound("partyId"),
        CallError.InvalidState => Errors.CallState(result.Message ?? "The party is not in a state that allows this."),
        CallError.InvalidTarget => Errors.InvalidParameter(target) with { Message = result.Message ?? $"Parameter [{target}] value is invalid." },
        CallError.TargetNotFound => Errors.UnknownReference(target) with { Message = result.Message ?? $"Resource for parameter [{target}] is not found" },
        null => Errors.InternalError,
    };
}
