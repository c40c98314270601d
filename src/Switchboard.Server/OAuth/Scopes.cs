using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>App permissions written as OAuth scopes: space-separated names.</summary>
public static class Scopes
{
    public static string Format(AppPermissions permissions) =>
        string.Join(' ', Enum.GetValues<AppPermissions>().Where(p => p != AppPermissions.None && permissions.HasFlag(p)));

    public static bool TryParse(IEnumerable<string> names, out AppPermissions permissions, out string? unknown)
    {
        permissions = AppPermissions.None;
        unknown = null;
        foreach (var name in names)
        {
            if (!Enum.TryParse<AppPermissions>(name, ignoreCase: false, out var p) || p == AppPermissions.None || !Enum.IsDefined(p))
            {
                unknown = name;
                return false;
            }
            permissions |= p;
        }
        return true;
    }
}
