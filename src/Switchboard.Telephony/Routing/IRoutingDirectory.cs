namespace Switchboard.Telephony.Routing;

/// <summary>Where the engine finds the account a number belongs to; the server reads it from storage.</summary>
public interface IRoutingDirectory
{
    /// <summary>The account that owns this E.164 number, or null when no account does.</summary>
    ValueTask<AccountSnapshot?> FindByNumberAsync(string phoneNumber, CancellationToken ct = default);

    /// <summary>The account, for calls placed from one of its extensions.</summary>
    ValueTask<AccountSnapshot?> FindAccountAsync(long accountId, CancellationToken ct = default);
}
