using System.Text.Encodings.Web;

namespace Switchboard.OAuth;

/// <summary>The minimal sign-in page of the authorization code flow.</summary>
public static class AuthorizePage
{
    public static IResult Render(AuthorizeRequest request, string appName, string? error)
    {
        var e = HtmlEncoder.Default;
        string Hidden(string name, string? value) =>
            value is null ? "" : $"""<input type="hidden" name="{name}" value="{e.Encode(value)}">""";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in - Switchboard</title>
            <style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label{display:block;margin:.8rem 0 .2rem}
            input[type=text],input[type=password]{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1.5rem}.error{color:#b00}</style>
            </head><body>
            <h1>Sign in</h1>
            <p><strong>{{e.Encode(appName)}}</strong> asks to access your account.</p>
            {{(error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""")}}
            <form method="post" action="/restapi/oauth/authorize">
            {{Hidden("client_id", request.ClientId)}}{{Hidden("response_type", request.ResponseType)}}{{Hidden("redirect_uri", request.RedirectUri)}}
            {{Hidden("state", request.State)}}{{Hidden("code_challenge", request.CodeChallenge)}}{{Hidden("code_challenge_method", request.CodeChallengeMethod)}}
            <label for="username">Phone number or email</label><input type="text" id="username" name="username" value="{{e.Encode(request.LoginHint)}}" autocomplete="username">
            <label for="extension">Extension (optional)</label><input type="text" id="extension" name="extension">
            <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password">
            <button type="submit">Sign in</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
