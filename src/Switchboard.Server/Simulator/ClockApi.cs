using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Simulator;

/// <summary>
/// The engine's clock: real time, scaled, or manual with "advance". It is the server's, shared by
/// every account, so any administrator moves it (docs/compat.md); tokens and other expiries keep real time.
/// </summary>
public static class ClockApi
{
    public sealed record ClockView(string Mode, double Factor, DateTime Now);
    public sealed record ClockRequest(string? Mode, double? Factor);
    public sealed record AdvanceRequest(double? Seconds, DateTime? To);

    public static void MapSimulatorClock(this IEndpointRouteBuilder app)
    {
        var clock = app.MapGroup("/switchboard/v1/simulator/clock").WithTags("Simulator");
        clock.MapGet("", Read).Rc("simulatorReadClock", ThrottlingGroup.NoThrottling, AppPermissions.CallControl, null, UserAccess.AnyUser);
        clock.MapPut("", Update).Rc("simulatorSetClock", ThrottlingGroup.NoThrottling, AppPermissions.CallControl, null, UserAccess.Admin);
        clock.MapPost("/advance", Advance).Rc("simulatorAdvanceClock", ThrottlingGroup.NoThrottling, AppPermissions.CallControl, null, UserAccess.Admin);
    }

    private static Ok<ClockView> Read(SimulatorClock clock) => TypedResults.Ok(View(clock));

    private static async Task<Results<Ok<ClockView>, ApiError>> Update(ClockRequest? body, SimulatorClock clock, ICallEngine engine)
    {
        if (!WireEnum.TryParse<ClockMode>(body?.Mode, out var mode))
            return body?.Mode is null ? Errors.RequiredParameter("mode") : Errors.InvalidParameter("mode", body.Mode);
        if (mode == ClockMode.Scaled && body.Factor is not (> 0 and <= 10_000))
            return Errors.Invalid("factor", body.Factor?.ToString(System.Globalization.CultureInfo.InvariantCulture), "A scaled clock runs from above 0 to 10000 times real time.");
        clock.SetMode(mode, body.Factor ?? 1);
        await engine.WhenIdleAsync();
        return TypedResults.Ok(View(clock));
    }

    /// <summary>Moves time forward by seconds or to an instant; the calls' timers fire on the way, and the answer waits for them.</summary>
    private static async Task<Results<Ok<ClockView>, ApiError>> Advance(AdvanceRequest? body, SimulatorClock clock, ICallEngine engine)
    {
        TimeSpan delta;
        if (body?.To is { } to)
        {
            delta = new DateTimeOffset(DateTime.SpecifyKind(to, to.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : to.Kind)) - clock.GetUtcNow();
            if (delta < TimeSpan.Zero) return Errors.Invalid("to", to.ToString("O"), "The simulated clock does not go back.");
        }
        else if (body?.Seconds is { } seconds)
        {
            if (seconds is < 0 or > 366 * 86400) return Errors.Invalid("seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "From 0 to a year.");
            delta = TimeSpan.FromSeconds(seconds);
        }
        else return Errors.RequiredParameter("seconds");
        await clock.AdvanceAsync(delta, engine.WhenIdleAsync);
        return TypedResults.Ok(View(clock));
    }

    private static ClockView View(SimulatorClock clock) => new(clock.Mode.ToString(), clock.Factor, clock.GetUtcNow().UtcDateTime);
}
