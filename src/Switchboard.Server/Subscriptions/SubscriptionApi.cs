using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.WebSockets;

namespace Switchboard.Subscriptions;

/// <summary>
/// Notification subscriptions: WebHook ones over REST, WebSocket ones over their socket (the same
/// handlers, reached through the <see cref="RestTunnel"/>). Stored before they are acknowledged.
/// </summary>
public static class SubscriptionApi
{
    public sealed record DeliveryModeRequest(string? TransportType, string? Address, string? VerificationToken, string? ValidationToken);
    public sealed record CreateRequest(List<string?>? EventFilters, DeliveryModeRequest? DeliveryMode, int? ExpiresIn);
    public sealed record UpdateRequest(List<string?>? EventFilters, int? ExpiresIn);

    /// <summary>PLATFORM.md 2.4: 20 subscriptions per user per app.</summary>
    public const int PerUserPerApp = 20;
    /// <summary>Spec 1.0.48: a WebHook subscription lives at most 10 years.</summary>
    public const int MaxWebhookExpiresIn = 315360000;
    private const string Base = "/restapi/v1.0/subscription";

    public static void MapSubscriptions(this IEndpointRouteBuilder app)
    {
        // The app permission depends on the transport, so the handlers check it.
        app.MapPost(Base, Create).Rc("createSubscription", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.AnyUser);
        app.MapGet(Base, List).Rc("listSubscriptions", ThrottlingGroup.Light, AppPermissions.None, null, UserAccess.AnyUser);
        app.MapGet(Base + "/{subscriptionId}", Read).Rc("readSubscription", ThrottlingGroup.Light, AppPermissions.None, null, UserAccess.AnyUser);
        app.MapPut(Base + "/{subscriptionId}", Update).Rc("updateSubscription", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.AnyUser);
        app.MapDelete(Base + "/{subscriptionId}", Delete).Rc("deleteSubscription", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.AnyUser);
        app.MapPost(Base + "/{subscriptionId}/renew", Renew).Rc("renewSubscription", ThrottlingGroup.Light, AppPermissions.None, null, UserAccess.AnyUser);
    }

    private static async Task<Results<Ok<SubscriptionInfo>, ApiError>> Create(
        CreateRequest? body, Caller caller, SwitchboardDb db, WebhookClient webhooks, Subscribers subscribers, WsGateway gateway,
        TimeProvider time, IConfiguration config, HttpContext context, CancellationToken ct)
    {
        var mode = body?.DeliveryMode;
        if (mode is null) return Errors.RequiredParameter("deliveryMode");
        // A WebSocket subscription belongs to the socket's session, so it can only be made over a socket.
        var socket = context.Features.Get<WsSession>();
        if (Transport(mode, caller, socket is not null) is { } transportError) return transportError;
        if (mode.TransportType == SubscriptionViews.WebHook && !webhooks.IsAllowed(mode.Address!))
            return Errors.Invalid("deliveryMode.address", mode.Address, "The address is not on this server's allow-list (Switchboard:WebhookAllowList).");
        var (filters, filterError) = await SubscriptionFilters.ResolveAsync(body!.EventFilters, caller, db, ct);
        if (filters is null) return filterError!;
        var webSocket = mode.TransportType == SubscriptionViews.WebSocket;
        // The platform ignores expiresIn for WebSocket: such a subscription lives as long as its session.
        var expiresIn = webSocket ? (int)WsLimits.AbsoluteTimeout.TotalSeconds : Lifetime(body.ExpiresIn, config);
        if (expiresIn is null) return Errors.InvalidParameter("expiresIn", body.ExpiresIn?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (SubscriptionFilters.CheckReminders(filters, expiresIn.Value) is { } reminderError) return reminderError;

        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Subscriptions.CountAsync(s => s.ExtensionId == caller.ExtensionId && s.ClientId == caller.ClientId && s.ExpiresAt > now, ct) >= PerUserPerApp)
            return Errors.SubscriptionLimitExceeded;
        if (!webSocket && await webhooks.HandshakeAsync(mode.Address!, ct) is { } handshakeError) return handshakeError;

        var subscription = new Subscription
        {
            Id = Guid.NewGuid().ToString(),
            AccountId = caller.AccountId,
            ExtensionId = caller.ExtensionId,
            ClientId = caller.ClientId,
            EventFilters = string.Join('\n', filters),
            TransportType = mode.TransportType!,
            Address = webSocket ? null : mode.Address,
            VerificationToken = webSocket ? null : mode.VerificationToken ?? mode.ValidationToken,
            ExpiresIn = expiresIn.Value,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(expiresIn.Value),
            Status = SubscriptionStatus.Active,
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        if (webSocket && !gateway.Register(subscription.Id, socket!))
        {
            // The socket's session ended while this was stored.
            db.Subscriptions.Remove(subscription);
            await db.SaveChangesAsync(CancellationToken.None);
            return Errors.Invalid("deliveryMode.transportType", mode.TransportType, "The WebSocket session has ended.");
        }
        subscribers.Invalidate();
        return TypedResults.Ok(SubscriptionViews.Describe(subscription, now, Links.For(context.Request)));
    }

    private static async Task<Ok<SubscriptionList>> List(Caller caller, SwitchboardDb db, TimeProvider time, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var links = Links.For(request);
        var own = await db.Subscriptions.AsNoTracking()
            .Where(s => s.ExtensionId == caller.ExtensionId && s.ClientId == caller.ClientId && s.ExpiresAt > now)
            .OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new SubscriptionList(links.Path(Base), [.. own.Select(s => SubscriptionViews.Describe(s, now, links))]));
    }

    private static async Task<Results<Ok<SubscriptionInfo>, ApiError>> Read(
        string subscriptionId, Caller caller, SwitchboardDb db, TimeProvider time, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await FindAsync(db, subscriptionId, caller, now, ct) is not { } s) return Errors.NotFound("subscriptionId");
        return TypedResults.Ok(SubscriptionViews.Describe(s, now, Links.For(request)));
    }

    private static async Task<Results<Ok<SubscriptionInfo>, ApiError>> Update(
        string subscriptionId, UpdateRequest? body, Caller caller, SwitchboardDb db, Subscribers subscribers, TimeProvider time, IConfiguration config, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await FindAsync(db, subscriptionId, caller, now, ct) is not { } s) return Errors.NotFound("subscriptionId");
        if (body?.EventFilters is not null)
        {
            var (filters, error) = await SubscriptionFilters.ResolveAsync(body.EventFilters, caller, db, ct);
            if (filters is null) return error!;
            s.EventFilters = string.Join('\n', filters);
        }
        if (body?.ExpiresIn is not null && s.TransportType != SubscriptionViews.WebSocket)
        {
            if (Lifetime(body.ExpiresIn, config) is not { } expiresIn) return Errors.InvalidParameter("expiresIn", body.ExpiresIn.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            s.ExpiresIn = expiresIn;
        }
        if (SubscriptionFilters.CheckReminders(SubscriptionViews.Filters(s), s.ExpiresIn) is { } reminderError) return reminderError;
        // Any update renews: an empty body is the SDKs' way of renewing.
        s.ExpiresAt = now.AddSeconds(s.ExpiresIn);
        await db.SaveChangesAsync(ct);
        subscribers.Invalidate();
        return TypedResults.Ok(SubscriptionViews.Describe(s, now, Links.For(request)));
    }

    private static async Task<Results<Ok<SubscriptionInfo>, ApiError>> Renew(
        string subscriptionId, Caller caller, SwitchboardDb db, Subscribers subscribers, TimeProvider time, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await FindAsync(db, subscriptionId, caller, now, ct) is not { } s) return Errors.NotFound("subscriptionId");
        s.ExpiresAt = now.AddSeconds(s.ExpiresIn);
        await db.SaveChangesAsync(ct);
        subscribers.Invalidate();
        return TypedResults.Ok(SubscriptionViews.Describe(s, now, Links.For(request)));
    }

    private static async Task<Results<NoContent, ApiError>> Delete(
        string subscriptionId, Caller caller, SwitchboardDb db, Subscribers subscribers, WsGateway gateway, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(db, subscriptionId, caller, time.GetUtcNow().UtcDateTime, ct) is not { } s) return Errors.NotFound("subscriptionId");
        db.Subscriptions.Remove(s);
        await db.SaveChangesAsync(ct);
        gateway.Forget(s.Id);
        subscribers.Invalidate();
        return TypedResults.NoContent();
    }

    /// <summary>A subscription belongs to its user and app; others', and expired ones, are not found.</summary>
    private static Task<Subscription?> FindAsync(SwitchboardDb db, string id, Caller caller, DateTime now, CancellationToken ct) =>
        db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && s.ExtensionId == caller.ExtensionId && s.ClientId == caller.ClientId && s.ExpiresAt > now, ct);

    private static ApiError? Transport(DeliveryModeRequest mode, Caller caller, bool overWebSocket)
    {
        const string name = "deliveryMode.transportType";
        return mode.TransportType switch
        {
            null => Errors.RequiredParameter(name),
            "WebHook" when !caller.Has(AppPermissions.WebhookSubscriptions) => Errors.AppPermissionRequired(nameof(AppPermissions.WebhookSubscriptions)),
            "WebHook" when string.IsNullOrEmpty(mode.Address) => Errors.RequiredParameter("deliveryMode.address"),
            "WebHook" when !WebhookClient.IsValidAddress(mode.Address) => Errors.InvalidParameter("deliveryMode.address", mode.Address),
            "WebHook" => null,
            "PubNub" => Errors.Invalid(name, mode.TransportType, "The PubNub transport is deprecated by RingCentral and not supported by Switchboard; use WebHook or WebSocket."),
            "WebSocket" when !caller.Has(AppPermissions.WebSocketsSubscriptions) => Errors.AppPermissionRequired(nameof(AppPermissions.WebSocketsSubscriptions)),
            "WebSocket" when !overWebSocket => Errors.Invalid(name, mode.TransportType,
                "A WebSocket subscription is created over its WebSocket: get a token from /restapi/oauth/wstoken, connect, and send this request as a ClientRequest."),
            "WebSocket" => null,
            _ => Errors.InvalidParameter(name, mode.TransportType),
        };
    }

    /// <summary>The lifetime asked for, the configured default when none, at most the WebHook maximum; null when invalid.</summary>
    private static int? Lifetime(int? asked, IConfiguration config) => asked switch
    {
        null => Math.Clamp(config.GetValue("Switchboard:WebhookExpiresIn", 604800), 1, MaxWebhookExpiresIn),
        < 1 => null,
        _ => Math.Min(asked.Value, MaxWebhookExpiresIn),
    };
}
